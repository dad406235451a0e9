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
  /**
   * Totals of earlier queries by their WHERE clause and parameters (which include today's date).
   * The owner clears it whenever applications change. A virtual list requests many pages of one
   * filter, and counting 90,000 matches takes 5 to 10 ms at 100,000 rows.
   */
  totals?: Map<string, number>;
}

export const MAX_PAGE_SIZE = 5_000;

// Maximum window of the "due within" filter: ten years of calendar days.
const MAX_DUE_WITHIN_DAYS = 3_650;

const SORT_COLUMNS: Record<InboxSortField, string> = {
  received: 'received_at',
  deadline: 'deadline',
  applicant: 'applicant_sort_key',
};

// Indexes that start with the sort column and end with id (migration 003).
const SORT_INDEXES: Record<InboxSortField, string> = {
  received: 'applications_by_received_at',
  deadline: 'applications_by_deadline',
  applicant: 'applications_by_applicant',
};

// Search matches above which the first page is read along the sort index. An estimate from a
// 100,000-row cache: at 1,000 matches both plans take about a millisecond.
const DENSE_SEARCH_MATCHES = 1_000;

const MAX_REMEMBERED_TOTALS = 200;

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
  const match = filter.search === undefined || referenceSearchPrefix(filter.search) !== null ? null : searchMatchExpression(filter.search);
  const searchMatches = match === null ? null : countSearchMatches(database, match);

  // Every application has exactly one search row, so with the search as the only condition the
  // index's own count is the total, without a lookup per matching application.
  const searchOnly = match !== null && buildWhereClause({ ...filter, search: undefined }, context).sql === '';
  const totalKey = `${where.sql}|${JSON.stringify(where.parameters)}`;
  const total = context.totals?.get(totalKey) ?? (searchOnly
    ? searchMatches!
    : (database.prepare(`SELECT count(*) AS total FROM applications ${where.sql}`).get(...where.parameters) as { total: number }).total);
  // Each search keystroke is a new key; the cap keeps a long session from growing the map.
  if (context.totals && context.totals.size >= MAX_REMEMBERED_TOTALS) context.totals.clear();
  context.totals?.set(totalKey, total);

  // For a search that matches many applications, reading the sort index in order and keeping the
  // matches finds the first page sooner than looking up and sorting every match, which is the
  // plan SQLite picks on its own.
  const indexHint = searchMatches !== null && searchMatches > DENSE_SEARCH_MATCHES ? `INDEXED BY ${SORT_INDEXES[sort.field]}` : '';
  const rows = database
    .prepare(`SELECT ${ROW_COLUMNS} FROM applications ${indexHint} ${where.sql} ${orderBy} LIMIT ? OFFSET ?`)
    .all(...where.parameters, paging.limit, paging.offset) as (Omit<InboxRow, 'needsAttention'> & { needsAttention: number })[];

  return {
    rows: rows.map((row) => ({ ...row, needsAttention: row.needsAttention === 1 })),
    total,
  };
}

function countSearchMatches(database: Database, match: string): number {
  const row = database.prepare('SELECT count(*) AS matches FROM application_search WHERE application_search MATCH ?').get(match) as { matches: number };
  return row.matches;
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

  const referencePrefix = referenceSearchPrefix(filter.search);
  const match = filter.search === undefined || referencePrefix !== null ? null : searchMatchExpression(filter.search);
  if (referencePrefix !== null) {
    conditions.push('reference GLOB ?');
    parameters.push(`${referencePrefix}*`);
  } else if (match !== null) {
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

/**
 * Returns the upper-cased input when it is the start of a reference number (e.g. "sn-2026-0001"),
 * else null. Such input is looked up by prefix on the reference column: in the full-text index
 * "sn" and "2026" occur in nearly every row, which made that phrase search take 10 to 20 ms.
 */
function referenceSearchPrefix(search: string | undefined): string | null {
  const candidate = search?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2,4}-\d{4}-\d{0,6}$/.test(candidate) ? candidate : null;
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
