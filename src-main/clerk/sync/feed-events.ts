// Reader for the portal's live hint stream (Server-Sent Events over a streamed fetch body). The
// events carry only the latest change sequence number; the sync engine then reads the feed.

export interface FeedHint {
  /** Latest change sequence of the authority's feed. */
  latest: number;
}

/**
 * Reads SSE messages from a response body until the stream ends or the signal aborts, and calls
 * onHint for each `changes` event. Comments (heartbeats) and unknown events are skipped. Follows
 * the SSE line rules: CRLF, LF or CR line ends, `field: value` with one optional space, and a blank
 * line dispatches the message.
 */
export async function readFeedHints(body: ReadableStream<Uint8Array>, onHint: (hint: FeedHint) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  let eventName = '';
  let data: string[] = [];

  function dispatch(): void {
    if ((eventName === '' || eventName === 'changes') && data.length > 0) {
      const hint = parseHint(data.join('\n'));
      if (hint) onHint(hint);
    }
    eventName = '';
    data = [];
  }

  function processLine(line: string): void {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) return;

    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);

    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
  }

  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      // A CR held back for a possible LF ends its line once the stream has ended.
      if (buffer.endsWith('\r')) processLine(buffer.slice(0, -1));
      return;
    }
    buffer += decoder.decode(value, { stream: true });

    // A CR at the very end may be the first half of a CRLF, so it waits for the next chunk.
    let match: RegExpExecArray | null;
    const lineEnd = /\r\n|\n|\r(?!$)/g;
    let consumed = 0;
    while ((match = lineEnd.exec(buffer)) !== null) {
      processLine(buffer.slice(consumed, match.index));
      consumed = match.index + match[0].length;
    }
    buffer = buffer.slice(consumed);
  }
}

function parseHint(data: string): FeedHint | null {
  try {
    const parsed = JSON.parse(data) as { latest?: unknown };
    return Number.isInteger(parsed.latest) ? { latest: parsed.latest as number } : null;
  } catch {
    return null;
  }
}
