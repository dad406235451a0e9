// Argument schema of every kiosk call, from the IPC contract. The Electron IPC handlers and the
// end-to-end test binding both validate with this table.
import { z } from 'zod';
import {
  GetServiceArgs, KioskSubmitArgs, PrintReceiptArgs, ReadScannedDocumentArgs, StaffExitArgs, type KioskApi,
} from '../../src-shared/ipc/kiosk.ts';

const NO_ARGUMENT = z.undefined();

export const KIOSK_ARGUMENT_SCHEMAS = {
  listServices: NO_ARGUMENT,
  getService: GetServiceArgs,
  listPlaces: NO_ARGUMENT,
  submit: KioskSubmitArgs,
  listScannedDocuments: NO_ARGUMENT,
  readScannedDocument: ReadScannedDocumentArgs,
  printReceipt: PrintReceiptArgs,
  endSession: NO_ARGUMENT,
  staffExit: StaffExitArgs,
} as const satisfies Record<keyof KioskApi, z.ZodType>;

export type KioskCallName = keyof typeof KIOSK_ARGUMENT_SCHEMAS;

/**
 * The main-process side of every kiosk call, with the argument already checked. `senderId`
 * identifies the calling web contents, for hosts with several windows (assisted intake).
 */
export type KioskHandlers = { [Name in KioskCallName]: (args: z.output<(typeof KIOSK_ARGUMENT_SCHEMAS)[Name]>, senderId: number) => Promise<unknown> };

/** Issue paths and codes of a failed check, for a log line; never the values, which may be form data. */
export function describeIssues(error: z.ZodError): { path: string; code: string }[] {
  return error.issues.slice(0, 5).map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
}
