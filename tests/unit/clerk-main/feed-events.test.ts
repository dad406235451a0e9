// The Server-Sent Events reader of the live hint stream, with the line splits a network produces.
import { expect, it } from 'vitest';
import { readFeedHints, type FeedHint } from '../../../src-main/clerk/sync/feed-events.ts';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function hintsOf(chunks: string[]): Promise<FeedHint[]> {
  const hints: FeedHint[] = [];
  await readFeedHints(streamOf(chunks), (hint) => hints.push(hint));
  return hints;
}

it('reads hints split across chunks', async () => {
  const hints = await hintsOf(['event: chan', 'ges\nid: 4\ndata: {"lat', 'est":4}\n', '\n', 'event: changes\ndata: {"latest":9}\n\n']);

  expect(hints).toEqual([{ latest: 4 }, { latest: 9 }]);
});

it('reads CRLF and CR line ends', async () => {
  expect(await hintsOf(['event: changes\r\ndata: {"latest":1}\r', '\n\r\n'])).toEqual([{ latest: 1 }]);
  expect(await hintsOf(['event: changes\rdata: {"latest":2}\r\r'])).toEqual([{ latest: 2 }]);
});

it('skips heartbeats, other events and bad data', async () => {
  const hints = await hintsOf([': heartbeat\n\n', 'event: other\ndata: {"latest":3}\n\n', 'event: changes\ndata: kein json\n\n', 'data: {"latest":"5"}\n\n', 'data: {"latest":6}\n\n']);

  expect(hints).toEqual([{ latest: 6 }]);
});

it('drops an unfinished message at the end', async () => {
  expect(await hintsOf(['event: changes\ndata: {"latest":8}\n'])).toEqual([]);
});
