// Verifies the audit hash chain of one application and that its last entry matches the stored
// application snapshot.
import { AUDIT_GENESIS_HASH, chainHash, sha256Hex } from '../store/audit-chain.ts';
import type { PortalStore } from '../store/store.ts';

export interface AuditVerification {
  valid: boolean;
  entries: number;
  /** Position of the first entry that does not verify, if any. */
  brokenAt: number | null;
  reason: string | null;
}

export async function verifyAuditChain(store: PortalStore, applicationId: string): Promise<AuditVerification> {
  const rows = await store.listAuditRows(applicationId);
  let prevHash = AUDIT_GENESIS_HASH;

  for (const [index, row] of rows.entries()) {
    if (row.position !== index + 1) return broken(rows.length, row.position, 'positions are not consecutive');
    if (row.prevHash !== prevHash) return broken(rows.length, row.position, 'previous hash does not match');
    if (chainHash(prevHash, row.entry) !== row.hash) return broken(rows.length, row.position, 'entry hash does not match its content');
    prevHash = row.hash;
  }

  const last = rows[rows.length - 1];
  const snapshot = await store.getSnapshotText(applicationId);
  if (!last || snapshot === null) return broken(rows.length, null, 'application or audit entries missing');

  const recorded = (JSON.parse(last.entry) as { snapshotSha256?: string }).snapshotSha256;
  if (recorded !== sha256Hex(snapshot)) return broken(rows.length, last.position, 'application data differs from the last audited state');

  return { valid: true, entries: rows.length, brokenAt: null, reason: null };
}

function broken(entries: number, position: number | null, reason: string): AuditVerification {
  return { valid: false, entries, brokenAt: position, reason };
}
