// Finds each snapshot's bytes in the body of a feed page that the portal laid out as
// FEED_PAGE_LAYOUT describes. The first sync then stores the snapshots as sent: serialising
// 100,000 parsed snapshots again, and copying the strings to the writer thread, cost about 1 s of
// CPU on the 2-core VM.
import { FEED_PAGE_LAYOUT, type FeedPage } from '../../../src-shared/api.ts';

const LINE_FEED = 0x0a;
const COMMA = 0x2c;
const OPENING_BRACE = 0x7b;
const CLOSING_BRACE = 0x7d;
const CLOSING_BRACKET = 0x5d;

/**
 * Returns one entry per change of the parsed page: the bytes of an upsert's snapshot within
 * `body`, or null for a tombstone. Returns null for the whole page when the body is laid out
 * otherwise, for example by an older portal. The caller then serialises the parsed snapshots.
 */
export function findSnapshotBytes(body: Buffer, page: FeedPage): (Uint8Array | null)[] | null {
  const snapshots: (Uint8Array | null)[] = [];
  if (page.changes.length === 0) return snapshots;

  // The first line contains `{"changes":[` only.
  let lineStart = body.indexOf(LINE_FEED) + 1;
  if (lineStart === 0) return null;

  for (const change of page.changes) {
    const lineEnd = body.indexOf(LINE_FEED, lineStart);
    if (lineEnd === -1) return null;

    if (change.kind === 'upsert') {
      const snapshot = upsertSnapshot(body, lineStart, lineEnd, change.seq);
      if (!snapshot) return null;
      snapshots.push(snapshot);
    } else {
      snapshots.push(null);
    }
    lineStart = lineEnd + 1;
  }

  // The line after the last change closes the list; anything else means lines and changes differ.
  return body[lineStart] === CLOSING_BRACKET ? snapshots : null;
}

/** Finds the snapshot within one upsert line, or returns null when the line does not start and end as laid out. */
function upsertSnapshot(body: Buffer, lineStart: number, lineEnd: number, seq: number): Uint8Array | null {
  const prefix = `${FEED_PAGE_LAYOUT.upsertLineStart}${seq}${FEED_PAGE_LAYOUT.upsertLineMiddle}`;
  const snapshotStart = lineStart + prefix.length;
  if (body.toString('latin1', lineStart, snapshotStart) !== prefix) return null;

  // The change's own closing brace ends the line, before the comma that separates changes.
  let changeEnd = lineEnd;
  if (body[changeEnd - 1] === COMMA) changeEnd -= 1;
  const snapshotEnd = changeEnd - 1;
  if (body[changeEnd - 1] !== CLOSING_BRACE || body[snapshotStart] !== OPENING_BRACE || body[snapshotEnd - 1] !== CLOSING_BRACE) return null;

  return body.subarray(snapshotStart, snapshotEnd);
}
