// The one interface the citizen app talks to. The kiosk implements it over IPC to the Electron
// main process, the portal's web pages over HTTP.
import type { Place, Problem, Service, ServiceSummary, SubmitApplicationRequest } from '../../src-shared/index.ts';
import type { ScannedDocument, ScannedDocumentContent, SubmitOutcome } from '../../src-shared/ipc/kiosk.ts';

export type { ScannedDocument, ScannedDocumentContent, SubmitOutcome };

export interface CitizenBackend {
  listServices(): Promise<ServiceSummary[]>;
  getService(id: string, version?: number): Promise<Service>;
  listPlaces(): Promise<Place[]>;
  /**
   * Submits one application. Throws ProblemError when the portal rejects it and
   * BackendUnavailableError when no response arrived. A retry with the same key is then safe.
   * `onUploadProgress` receives the sent share of the request body (0 to 1) where the transport
   * can report it (the web); the kiosk hands the request to its main process at once.
   */
  submit(request: SubmitApplicationRequest, idempotencyKey: string, onUploadProgress?: (share: number) => void): Promise<SubmitOutcome>;
  /**
   * Kiosk only: files in the scanner folder. Where this exists the app offers scans instead of a
   * file input, because the kiosk must never open the OS file dialog.
   */
  listScannedDocuments?(): Promise<ScannedDocument[]>;
  readScannedDocument?(id: string): Promise<ScannedDocumentContent>;
  /** Kiosk only: prints the receipt; the receipt screen shows "Beleg drucken" where this exists. */
  printReceipt?(outcome: SubmitOutcome, locale: string): Promise<void>;
  /** Kiosk only: ends the citizen's session after "Fertig". */
  endSession?(): Promise<void>;
}

/** The portal answered with problem details (4xx or 5xx). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

/** No usable response arrived: network down, portal unreachable, or a response that is not the contract. */
export class BackendUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackendUnavailableError';
  }
}
