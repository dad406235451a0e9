// CitizenBackend for the kiosk window: every call goes through the preload's
// `window.antragsdesk.kiosk` to the Electron main process, which talks to the portal, queues
// applications while offline and owns the scanner folder and the printer.
import type { SubmitApplicationRequest } from '../../src-shared/index.ts';
import type { KioskApi, KioskWindowApi, SubmitOutcome } from '../../src-shared/ipc/kiosk.ts';
import { BackendUnavailableError, ProblemError, type CitizenBackend } from '../citizen/backend.ts';

/**
 * The preload's global as the kiosk page sees it. It is not declared on `Window`, because the
 * clerk pages declare the same global with their own API.
 */
type KioskGlobal = { antragsdesk?: Partial<KioskWindowApi> };

/** Returns the kiosk API of the preload; throws when the page runs outside the kiosk window. */
export function kioskApiFromWindow(): KioskApi {
  const api = (window as unknown as KioskGlobal).antragsdesk?.kiosk;
  if (!api) throw new Error('window.antragsdesk.kiosk is missing: the kiosk page must run in the kiosk window with its preload');
  return api;
}

/**
 * IPC rejections carry only a message; they mean the main process could not do the call, which
 * the app treats like a lost connection.
 */
async function viaIpc<T>(call: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new BackendUnavailableError(`kiosk ${call} failed`, { cause: error });
  }
}

export function createKioskBackend(api: KioskApi): CitizenBackend {
  return {
    listServices: () => viaIpc('listServices', () => api.listServices()),
    getService: (id, version) => viaIpc('getService', () => api.getService({ id, version })),
    listPlaces: () => viaIpc('listPlaces', () => api.listPlaces()),

    submit: async (request: SubmitApplicationRequest, idempotencyKey: string): Promise<SubmitOutcome> => {
      const result = await viaIpc('submit', () => api.submit({ request, idempotencyKey }));
      if (result.kind === 'rejected') throw new ProblemError(result.problem);
      return result;
    },

    listScannedDocuments: () => viaIpc('listScannedDocuments', () => api.listScannedDocuments()),
    readScannedDocument: (id) => viaIpc('readScannedDocument', () => api.readScannedDocument({ id })),
    printReceipt: (outcome, locale) => api.printReceipt({ outcome, locale }),
    endSession: () => api.endSession(),
  };
}
