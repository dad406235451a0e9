import { describe, expect, it } from 'vitest';
import type { Application, FeedPage } from '../../../src-shared/api.ts';
import { findSnapshotBytes } from '../../../src-main/clerk/sync/feed-snapshot-bytes.ts';
import { applicationId, makeApplication } from './helpers.ts';

/** Builds a feed page body from the lines of its changes, laid out like the portal writes it (FEED_PAGE_LAYOUT). */
function portalBody(lines: string[], end = '],"cursor":9,"hasMore":false}'): Buffer {
  return Buffer.from(`{"changes":[\n${lines.join(',\n')}\n${end}`);
}

const upsertLine = (seq: number, application: Application) => `{"seq":${seq},"kind":"upsert","application":${JSON.stringify(application)}}`;
const tombstoneLine = (seq: number, id: string) => `{"seq":${seq},"kind":"tombstone","applicationId":"${id}"}`;

function parsed(body: Buffer): FeedPage {
  return JSON.parse(body.toString('utf8')) as FeedPage;
}

const asText = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : bytes);

describe('findSnapshotBytes', () => {
  it('finds each snapshot of a page laid out by the portal', () => {
    const first = makeApplication(1, { applicantName: 'Jörn Kühnbrück „der Ältere“' });
    const second = makeApplication(2);
    const body = portalBody([upsertLine(7, first), tombstoneLine(8, applicationId(3)), upsertLine(9, second)]);

    const snapshots = findSnapshotBytes(body, parsed(body));

    expect(snapshots?.map(asText)).toEqual([JSON.stringify(first), null, JSON.stringify(second)]);
  });

  it('finds nothing to do on an empty page', () => {
    const body = Buffer.from('{"changes":[\n\n],"cursor":4,"hasMore":false}');

    expect(findSnapshotBytes(body, parsed(body))).toEqual([]);
  });

  it('gives up on a page written as one line', () => {
    const body = Buffer.from(JSON.stringify({ changes: [{ seq: 1, kind: 'upsert', application: makeApplication(1) }], cursor: 1, hasMore: false }));

    expect(findSnapshotBytes(body, parsed(body))).toBeNull();
  });

  it('gives up when a line holds another change than the parsed one', () => {
    // Same lines, but the parsed page names another seq: lines and changes do not line up.
    const body = portalBody([upsertLine(7, makeApplication(1))]);
    const page = parsed(body);
    page.changes[0]!.seq = 70;

    expect(findSnapshotBytes(body, page)).toBeNull();
  });

  it('gives up when a change has a member after the application', () => {
    const line = `{"seq":7,"kind":"upsert","application":${JSON.stringify(makeApplication(1))},"note":"x"}`;
    const body = portalBody([line]);

    expect(findSnapshotBytes(body, parsed(body))).toBeNull();
  });

  it('gives up when the members of a change come in another order', () => {
    const line = `{"kind":"upsert","seq":7,"application":${JSON.stringify(makeApplication(1))}}`;
    const body = portalBody([line]);

    expect(findSnapshotBytes(body, parsed(body))).toBeNull();
  });

  it('gives up when two changes share a line', () => {
    const body = portalBody([`${upsertLine(7, makeApplication(1))},${upsertLine(8, makeApplication(2))}`]);

    expect(findSnapshotBytes(body, parsed(body))).toBeNull();
  });

  it('gives up when the list does not close after the last change', () => {
    const body = portalBody([upsertLine(7, makeApplication(1))], ' ],"cursor":7,"hasMore":false}');

    expect(findSnapshotBytes(body, parsed(body))).toBeNull();
  });
});
