// Inbox list queries: filters, German sorting, paging and search, all as one SQL statement with
// bound parameters. Dates are Europe/Berlin calendar days, computed from an injectable clock.
import type { Database } from 'better-sqlite3';
import { addCalendarDays, berlinDate } from '../../../src-shared/dates.ts';
import type { Channel } from '../../../src-shared/domain.ts';
import { APPLICATION_STATUSES, TERMINAL_STATUSES, type ApplicationStatus } from '../../../src-shared/status.ts';
import { searchMatchExpression } from './search-text.ts';

/** `me` is the user the cache belongs to. */
export type AssigneeFilter = 'me' | 'unassigned' | 'anyone';

/** Inbox filter. Every field is optional; the conditions that are set must all hold. */
export interface InboxFilter {
  /** One or several statuses; empty or missing means all. */
  statuses?: readonly ApplicationStatus[];
  /** One or several service ids (LeiKa ids); empty or missing means all. */
  serviceIds?: readonly string[];
  assignee?: AssigneeFilter;
  channels?: readonly Channel[];
  /** Deadline before today, for applications that are not closed yet. */
  overdue?: boolean;
  /** Deadline from today up to today + N calendar days, for applications not closed yet. */
  dueWithinDays?: number;
  /** Follow-up date (Wiedervorlage) on or before today, whatever the status. */
  followUpDue?: boolean;
  /** Only applications with an unread citizen reply. */
  needsAttention?: boolean;
  /** The clerk's search input, matched against reference, applicant, address and form values. */
  search?: string;
}

export type InboxSortField = 'received' | 'deadline' | 'applicant';

export interface InboxSort {
  field: InboxSortField;
  direction: 'asc' | 'desc';
}

export interface InboxPaging {
  limit: number;
  offset: number;
}

/** One line of the inbox list; the full snapshot comes from getApplication(). */
export interface InboxRow {
  id: string;
  reference: string;
  version: number;
  status: ApplicationStatus;
  serviceId: string;
  serviceName: string;
  channel: Channel;
  applicantName: string;
  receivedAt: string;
  deadline: string;
  assigneeId: string | null;
  followUp: string | null;
  needsAttention: boolean;
  updatedAt: string;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Number of applications that match the filter, across all pages. */
  total: number;
}

export interface InboxQueryContext {
  /** The user the cache belongs to, for `assignee: 'me'`. */
  userId: string;
  now: Date;
}

export const MAX_PAGE_SIZE = 5_000;

// Maximum window of the "due within" filter: ten years of calendar days.
const MAX_DUE_WITHIN_DAYS = 3_650;

const SORT_COLUMNS: Record<InboxSortField, string> = {
  received: 'received_at',
  deadline: 'deadline',
  applicant: 'applicant_sort_key',
};

const OPEN_STATUS_LIST = APPLICATION_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status));

const ROW_COLUMNS = `
  id, reference, version, status, service_id AS serviceId, service_name AS serviceName, channel,
  applicant_name AS applicantName, received_at AS receivedAt, deadline, assignee_id AS assigneeId,
  follow_up AS followUp, needs_attention AS needsAttention, updated_at AS updatedAt
`;

interface WhereClause {
  sql: string;
  parameters: unknown[];
}

/** Runs an inbox query and returns one page of rows plus the total count. */
export function queryInbox(
  database: Database,
  filter: InboxFilter,
  sort: InboxSort,
  paging: InboxPaging,
  context: InboxQueryContext,
): InboxPage {
  checkPaging(paging);
  const where = buildWhereClause(filter, context);
  const orderBy = buildOrderBy(sort);

  const total = database.prepare(`SELECT count(*) AS total FROM applications ${where.sql}`).get(...where.parameters) as { total: number };
  const rows = database
    .prepare(`SELECT ${ROW_COLUMNS} FROM applications ${where.sql} ${orderBy} LIMIT ? OFFSET ?`)
    .all(...where.parameters, paging.limit, paging.offset) as (Omit<InboxRow, 'needsAttention'> & { needsAttention: number })[];

  return {
    rows: rows.map((row) => ({ ...row, needsAttention: row.needsAttention === 1 })),
    total: total.total,
  };
}

function buildWhereClause(filter: InboxFilter, context: InboxQueryContext): WhereClause {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const today = berlinDate(context.now);

  function anyOf(column: string, values: readonly string[] | undefined): void {
    if (!values || values.length === 0) return;
    conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    parameters.push(...values);
  }

  anyOf('status', filter.statuses);
  anyOf('service_id', filter.serviceIds);
  anyOf('channel', filter.channels);

  const assignee = filter.assignee ?? 'anyone';
  if (assignee === 'me') {
    conditions.push('assignee_id = ?');
    parameters.push(context.userId);
  } else if (assignee === 'unassigned') {
    conditions.push('assignee_id IS NULL');
  }

  if (filter.overdue) {
    conditions.push(`deadline < ? AND ${openStatusCondition()}`);
    parameters.push(today, ...OPEN_STATUS_LIST);
  }

  if (filter.dueWithinDays !== undefined) {
    checkDueWithinDays(filter.dueWithinDays);
    conditions.push(`deadline BETWEEN ? AND ? AND ${openStatusCondition()}`);
    parameters.push(today, addCalendarDays(today, filter.dueWithinDays), ...OPEN_STATUS_LIST);
  }

  if (filter.followUpDue) {
    conditions.push('follow_up IS NOT NULL AND follow_up <= ?');
    parameters.push(today);
  }

  if (filter.needsAttention) conditions.push('needs_attention = 1');

  const match = filter.search === undefined ? null : searchMatchExpression(filter.search);
  if (match !== null) {
    conditions.push('row_id IN (SELECT rowid FROM application_search WHERE application_search MATCH ?)');
    parameters.push(match);
  }

  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, parameters };
}

// The id as last key makes the order total, so paging never repeats or skips a row.
function buildOrderBy(sort: InboxSort): string {
  const column = SORT_COLUMNS[sort.field];
  if (!column) throw new RangeError(`Unknown inbox sort field ${JSON.stringify(sort.field)}; expected received, deadline or applicant`);
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new RangeError(`Unknown sort direction ${JSON.stringify(sort.direction)}; expected asc or desc`);
  }

  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${column} ${direction}, id ASC`;
}

function openStatusCondition(): string {
  return `status IN (${OPEN_STATUS_LIST.map(() => '?').join(', ')})`;
}

function checkPaging(paging: InboxPaging): void {
  if (!Number.isInteger(paging.limit) || paging.limit < 1 || paging.limit > MAX_PAGE_SIZE) {
    throw new RangeError(`Invalid inbox page limit ${paging.limit}; expected an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (!Number.isInteger(paging.offset) || paging.offset < 0) {
    throw new RangeError(`Invalid inbox page offset ${paging.offset}; expected an integer of 0 or more`);
  }
}

function checkDueWithinDays(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_DUE_WITHIN_DAYS) {
    throw new RangeError(`Invalid dueWithinDays ${days}; expected an integer from 0 to ${MAX_DUE_WITHIN_DAYS}`);
  }
}
