// Durable outbox of the kiosk. A submission is written here (synchronous=FULL, so it survives a
// power cut once the insert returned) before the portal is asked, and deleted as soon as the
// portal confirmed it. secure_delete overwrites deleted rows, so that no application of an
// earlier citizen stays readable in the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomInt } from 'node:crypto';
import Database from 'better-sqlite3';
import { SubmitApplicationRequest } from '../../src-shared/index.ts';

export type OutboxState = 'sending' | 'queued' | 'rejected';

export interface OutboxEntry {
  localReference: string;
  idempotencyKey: string;
  request: SubmitApplicationRequest;
  queuedAt: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

interface OutboxRow {
  local_reference: string;
  idempotency_key: string;
  request_json: string;
  queued_at: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  local_reference TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  request_json TEXT NOT NULL,
  queued_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('sending', 'queued', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
`;

/** Letters and digits that cannot be mistaken for each other when read aloud (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * Creates the reference a queued application is printed with, e.g. BT-20260329-7KQ3M9. It never
 * matches a portal reference number (AB-2026-000123), so staff can tell the two apart.
 */
export function createLocalReference(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  let suffix = '';
  for (let index = 0; index < 6; index += 1) suffix += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `BT-${day}-${suffix}`;
}

export interface Outbox {
  /**
   * Stores a submission and returns its entry. A second call with the same idempotency key
   * returns the stored entry, because it is the same submission retried.
   */
  add(request: SubmitApplicationRequest, idempotencyKey: string, now?: Date): OutboxEntry;
  get(localReference: string): OutboxEntry | null;
  /** Hands a submission to the delivery loop, first attempt at `nextAttemptAt`. */
  markQueued(localReference: string, nextAttemptAt: Date, error: string): void;
  recordFailedAttempt(localReference: string, nextAttemptAt: Date, error: string): void;
  markRejected(localReference: string, error: string): void;
  /** Deletes the entry; called once the portal confirmed the submission. */
  remove(localReference: string): void;
  /** Queued entries whose next attempt is due, oldest first. */
  due(now: Date): OutboxEntry[];
  list(): OutboxEntry[];
  close(): void;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    localReference: row.local_reference,
    idempotencyKey: row.idempotency_key,
    request: SubmitApplicationRequest.parse(JSON.parse(row.request_json)),
    queuedAt: row.queued_at,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
  };
}

export function openOutbox(file: string): Outbox {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);

  // An entry that was 'sending' when the app stopped may or may not have reached the portal. The
  // delivery loop repeats it with the same key, and the portal's replay tells which it was.
  db.prepare(`UPDATE outbox SET state = 'queued' WHERE state = 'sending'`).run();

  const byKey = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE idempotency_key = ?');
  const byReference = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE local_reference = ?');
  const insert = db.prepare(`INSERT INTO outbox (local_reference, idempotency_key, request_json, queued_at, state, next_attempt_at)
    VALUES (@localReference, @idempotencyKey, @requestJson, @queuedAt, 'sending', @queuedAt)`);

  const add = db.transaction((request: SubmitApplicationRequest, idempotencyKey: string, now: Date): OutboxEntry => {
    const existing = byKey.get(idempotencyKey);
    if (existing) return toEntry(existing);

    let localReference = createLocalReference(now);
    while (byReference.get(localReference)) localReference = createLocalReference(now);

    insert.run({ localReference, idempotencyKey, requestJson: JSON.stringify(request), queuedAt: now.toISOString() });
    return toEntry(byReference.get(localReference)!);
  });

  return {
    add: (request, idempotencyKey, now = new Date()) => add(request, idempotencyKey, now),

    get: (localReference) => {
      const row = byReference.get(localReference);
      return row ? toEntry(row) : null;
    },

    markQueued: (localReference, nextAttemptAt, error) => {
      db.prepare(`UPDATE outbox SET state = 'queued', attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE local_reference = ?`)
        .run(nextAttemptAt.toISOString(), error, localReference);
    },

    recordFailedAttempt: (localReference, nextAttemptAt, error) => {
      db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE local_reference = ?')
        .run(nextAttemptAt.toISOString(), error, localReference);
    },

    markRejected: (localReference, error) => {
      db.prepare(`UPDATE outbox SET state = 'rejected', last_error = ? WHERE local_reference = ?`).run(error, localReference);
    },

    remove: (localReference) => {
      db.prepare('DELETE FROM outbox WHERE local_reference = ?').run(localReference);
    },

    due: (now) =>
      db.prepare<[string], OutboxRow>(`SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY queued_at`)
        .all(now.toISOString())
        .map(toEntry),

    list: () => db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY queued_at').all().map(toEntry),

    close: () => db.close(),
  };
}
