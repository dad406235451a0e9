// The durable outbox table in the user's cache database: clerk actions wait here until the portal
// confirmed them, and conflicts wait here for the clerk's decision. Every write is its own
// transaction on a connection with synchronous=FULL, so a row that was reported as queued
// survives a crash or power cut.
import type { Database } from 'better-sqlite3';
import type { Application, ClerkAction, Problem } from '../../../src-shared/api.ts';
import type { ActionConflict, PendingAction } from '../../../src-shared/ipc/clerk.ts';

export interface OutboxEntry {
  id: string;
  applicationId: string;
  reference: string;
  action: ClerkAction;
  idempotencyKey: string;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}

export interface NewOutboxEntry {
  id: string;
  applicationId: string;
  reference: string;
  action: ClerkAction;
  idempotencyKey: string;
  createdAt: string;
  /** The snapshot the clerk acted on, kept to show it next to the portal's one on a conflict. */
  localSnapshot: Application | null;
}

interface OutboxRow {
  id: string;
  application_id: string;
  reference: string;
  action: string;
  idempotency_key: string;
  created_at: string;
  attempts: number;
  last_error: string | null;
  local_snapshot: string | null;
  server_snapshot: string | null;
  problem: string | null;
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;

export function createOutboxStore(database: Database) {
  const insert = database.prepare(`
    INSERT INTO outbox (id, application_id, reference, action, idempotency_key, created_at, state, local_snapshot)
    VALUES (@id, @applicationId, @reference, @action, @idempotencyKey, @createdAt, 'pending', @localSnapshot)
  `);
  const selectNextPending = database.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY sequence LIMIT 1");
  const selectByState = database.prepare('SELECT * FROM outbox WHERE state = ? ORDER BY sequence');
  const selectById = database.prepare('SELECT * FROM outbox WHERE id = ?');
  const countByState = database.prepare('SELECT state, count(*) AS count FROM outbox GROUP BY state');
  const recordFailure = database.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?');
  const markConflict = database.prepare(`
    UPDATE outbox SET state = 'conflict', attempts = attempts + 1, last_error = @lastError,
      server_snapshot = @serverSnapshot, problem = @problem
    WHERE id = @id
  `);
  const deleteById = database.prepare('DELETE FROM outbox WHERE id = ?');
  const requeue = database.prepare(`
    UPDATE outbox SET state = 'pending', action = @action, idempotency_key = @idempotencyKey, attempts = 0,
      last_error = NULL, server_snapshot = NULL, problem = NULL
    WHERE id = @id AND state = 'conflict'
  `);

  return {
    enqueue(entry: NewOutboxEntry): void {
      insert.run({
        ...entry,
        action: JSON.stringify(entry.action),
        localSnapshot: entry.localSnapshot ? JSON.stringify(entry.localSnapshot) : null,
      });
    },

    /** Returns the oldest pending action, because actions are delivered strictly in the clerk's order. */
    nextPending(): OutboxEntry | null {
      const row = selectNextPending.get() as OutboxRow | undefined;
      return row ? toEntry(row) : null;
    },

    recordFailure(id: string, lastError: string): void {
      recordFailure.run(lastError, id);
    },

    markConflict(id: string, server: Application | null, problem: Problem, lastError: string): void {
      markConflict.run({ id, lastError, serverSnapshot: server ? JSON.stringify(server) : null, problem: JSON.stringify(problem) });
    },

    /** Removes a delivered action, or a conflict the clerk discarded. */
    remove(id: string): boolean {
      return deleteById.run(id).changes === 1;
    },

    /** Puts a conflict back into the queue with a rebased action and a new idempotency key. */
    requeue(id: string, action: ClerkAction, idempotencyKey: string): boolean {
      return requeue.run({ id, action: JSON.stringify(action), idempotencyKey }).changes === 1;
    },

    getConflict(id: string): ActionConflict | null {
      const row = selectById.get(id) as (OutboxRow & { state: string }) | undefined;
      return row && row.state === 'conflict' ? toConflict(row) : null;
    },

    listPending(): PendingAction[] {
      return (selectByState.all('pending') as OutboxRow[]).map((row) => {
        const { idempotencyKey: _key, ...pending } = toEntry(row);
        return pending;
      });
    },

    listConflicts(): ActionConflict[] {
      return (selectByState.all('conflict') as OutboxRow[]).map(toConflict);
    },

    counts(): { pending: number; conflicts: number } {
      const rows = countByState.all() as { state: string; count: number }[];
      return {
        pending: rows.find((row) => row.state === 'pending')?.count ?? 0,
        conflicts: rows.find((row) => row.state === 'conflict')?.count ?? 0,
      };
    },
  };
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    applicationId: row.application_id,
    reference: row.reference,
    action: JSON.parse(row.action) as ClerkAction,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}

function toConflict(row: OutboxRow): ActionConflict {
  return {
    id: row.id,
    applicationId: row.application_id,
    action: JSON.parse(row.action) as ClerkAction,
    local: row.local_snapshot ? (JSON.parse(row.local_snapshot) as Application) : null,
    server: row.server_snapshot ? (JSON.parse(row.server_snapshot) as Application) : null,
    problem: JSON.parse(row.problem ?? 'null') as Problem,
  };
}
