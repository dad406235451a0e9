// CSV export of the inbox list for German Excel: UTF-8 with BOM (Excel otherwise guesses
// Windows-1252), semicolon separator (Excel's default where the decimal separator is a comma),
// CRLF line ends, dates as DD.MM.YYYY and German column headers.
import { berlinDate, formatDateDe } from '../../../src-shared/dates.ts';
import { STATUS_LABELS_DE } from '../../../src-shared/status.ts';
import type { ClerkCache, InboxFilter, InboxRow, InboxSort } from '../cache/index.ts';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

const HEADERS = ['Aktenzeichen', 'Leistung', 'Antragsteller:in', 'Eingegangen', 'Frist', 'Status', 'Zuständig'];

// Rows fetched per query while exporting a whole filtered list.
const EXPORT_BATCH_SIZE = 1_000;

export interface InboxCsvOptions {
  /** Display name of a clerk for the Zuständig column; the user id is used when it returns undefined. */
  assigneeName?: (assigneeId: string) => string | undefined;
}

/** Formats inbox rows as a CSV document, header line included. */
export function formatInboxCsv(rows: readonly InboxRow[], options: InboxCsvOptions = {}): string {
  const lines = [HEADERS, ...rows.map((row) => csvFields(row, options))].map(csvLine);
  return BOM + lines.map((line) => line + LINE_END).join('');
}

/** Exports every application that matches the filter, in the given order, as a CSV document. */
export function exportInboxCsv(cache: ClerkCache, filter: InboxFilter, sort: InboxSort, options: InboxCsvOptions = {}): string {
  // One read transaction over all batches, so that a sync page written by another connection in
  // between cannot shift rows from one batch to the next.
  const readAllRows = cache.database.transaction((): InboxRow[] => {
    const rows: InboxRow[] = [];
    for (let offset = 0; ; offset += EXPORT_BATCH_SIZE) {
      const page = cache.queryInbox(filter, sort, { limit: EXPORT_BATCH_SIZE, offset });
      rows.push(...page.rows);
      if (page.rows.length < EXPORT_BATCH_SIZE) return rows;
    }
  });

  return formatInboxCsv(readAllRows(), options);
}

/**
 * Escapes one cell. A value that starts with =, +, -, @, tab or carriage return would be run as a
 * formula by Excel (CSV injection), so it gets a leading apostrophe, which Excel shows as text.
 * Values with a separator, quote or line break are quoted, with quotes doubled.
 */
export function csvCell(value: string): string {
  const neutralised = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(neutralised) ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvCell).join(SEPARATOR);
}

function csvFields(row: InboxRow, options: InboxCsvOptions): string[] {
  return [
    row.reference,
    row.serviceName,
    row.applicantName,
    formatDateDe(berlinDate(row.receivedAt)),
    formatDateDe(row.deadline),
    STATUS_LABELS_DE[row.status],
    assigneeLabel(row.assigneeId, options),
  ];
}

function assigneeLabel(assigneeId: string | null, options: InboxCsvOptions): string {
  if (assigneeId === null) return '';
  return options.assigneeName?.(assigneeId) ?? assigneeId;
}
