// The repository layer of the portal. Route handlers and services talk only to this interface, so a
// PostgreSQL implementation can sit beside the SQLite one without touching them. All methods are
// async for that reason, even though better-sqlite3 returns synchronously.
import type { Application, Authority, ClerkUser, Place, Role, Service } from '../../../src-shared/index.ts';

export interface UserRecord extends ClerkUser {
  passwordHash: string;
  active: boolean;
}

export interface KioskDevice {
  id: string;
  name: string;
  authorityId: string;
}

export interface SeedUser {
  id: string;
  username: string;
  displayName: string;
  authorityId: string;
  role: Role;
  passwordHash: string;
}

export interface SeedKioskDevice {
  id: string;
  name: string;
  authorityId: string;
  tokenHash: string;
}

export interface SeedData {
  authorities: Authority[];
  places: Place[];
  services: Service[];
  users: SeedUser[];
  kioskDevices: SeedKioskDevice[];
}

/** The request an idempotency key was first used with, identified by a hash of its body. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

export interface StoredAttachment {
  id: string;
  sha512: string;
  content: Buffer;
}

/** Audit record of one change; the store adds position and hash chain. */
export interface AuditDetails {
  at: string;
  actorId: string;
  action: string;
  oldStatus: string | null;
  newStatus: string;
  /** Free-form ids (target authority, assignee); never personal data. */
  data?: Record<string, string | number | null>;
}

export interface AuditRow {
  position: number;
  entry: string;
  prevHash: string;
  hash: string;
}

export interface NewApplication {
  /** Builds the snapshot once the store has allocated the reference number inside its transaction. */
  build(reference: string): Application;
  referencePrefix: string;
  year: number;
  accessCodeHash: string;
  attachments: StoredAttachment[];
  audit: AuditDetails;
}

export type InsertResult =
  | { kind: 'created'; application: Application }
  | { kind: 'replayed'; response: string }
  | { kind: 'key_reused' };

/** A citizen e-mail as the outbox stores it: rendered once, so a retry sends the same message. */
export interface NewOutboxMail {
  id: string;
  kind: 'status_changed' | 'question';
  recipient: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 5322 Message-ID with angle brackets; the same on every delivery attempt. */
  messageId: string;
}

export interface OutboxMail extends NewOutboxMail {
  applicationId: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}

/** Outcome of a decision taken on the current state of an application inside the transaction. */
export type Decision<E> =
  | { ok: false; error: E }
  | {
      ok: true;
      next: Application;
      audit: AuditDetails;
      attachments?: StoredAttachment[];
      /** E-mails to the applicant, committed together with the change or not at all. */
      mails?: NewOutboxMail[];
    };

export type UpdateResult<E> =
  | { kind: 'updated'; application: Application; previousAuthorityId: string }
  | { kind: 'rejected'; error: E }
  | { kind: 'replayed'; response: string }
  | { kind: 'key_reused' }
  | { kind: 'not_found' };

export interface StoredApplication {
  application: Application;
  accessCodeHash: string;
}

export interface PortalStore {
  readonly description: string;
  close(): Promise<void>;
  ping(): Promise<void>;

  seed(data: SeedData): Promise<void>;

  listAuthorities(): Promise<Authority[]>;
  getAuthority(id: string): Promise<Authority | null>;
  listPlaces(): Promise<Place[]>;
  getPlace(ars: string): Promise<Place | null>;
  /** The newest version of every service. */
  listServices(): Promise<Service[]>;
  /** One version of a service, or the newest when version is omitted. */
  getService(id: string, version?: number): Promise<Service | null>;

  findUserByUsername(username: string): Promise<UserRecord | null>;
  getUser(id: string): Promise<ClerkUser | null>;
  listUsers(authorityId: string): Promise<ClerkUser[]>;
  createSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void>;
  findSessionUser(tokenHash: string, now: string): Promise<ClerkUser | null>;
  deleteSession(tokenHash: string): Promise<void>;
  findKioskDevice(tokenHash: string): Promise<KioskDevice | null>;

  insertApplication(input: NewApplication, claim: IdempotencyClaim, responseOf: (application: Application) => string): Promise<InsertResult>;
  updateApplication<E>(
    id: string,
    claim: IdempotencyClaim | null,
    decide: (current: Application) => Decision<E>,
    responseOf: (application: Application) => string,
  ): Promise<UpdateResult<E>>;
  getApplication(id: string): Promise<StoredApplication | null>;
  findApplicationByReference(reference: string): Promise<StoredApplication | null>;
  getAttachmentContent(applicationId: string, attachmentId: string): Promise<Buffer | null>;

  /** One page of the change feed as the UTF-8 JSON of a FeedPage, ready to send. */
  readFeedJson(authorityId: string, after: number, limit: number): Promise<Buffer>;
  latestChangeSeq(authorityId: string): Promise<number>;
  listOpenApplications(authorityId: string): Promise<Application[]>;

  /** Unsent e-mails whose next attempt is due, oldest first. */
  listDueMails(now: string, limit: number): Promise<OutboxMail[]>;
  /** E-mails of one application in creation order, sent or not. */
  listMails(applicationId: string): Promise<OutboxMail[]>;
  countUnsentMails(): Promise<number>;
  markMailSent(id: string, at: string): Promise<void>;
  /** Records a failed attempt; `error` is a short technical reason without addresses. */
  markMailFailed(id: string, error: string, nextAttemptAt: string): Promise<void>;

  listAuditRows(applicationId: string): Promise<AuditRow[]>;
  /** The stored snapshot text, exactly as the audit log hashed it. */
  getSnapshotText(applicationId: string): Promise<string | null>;
}
