// Server-Sent Events for the clerk app: "changes after N exist". The client then reads the feed;
// the events carry no application data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PortalContext } from '../context.ts';

const HEARTBEAT_MS = 25_000;

export async function streamFeedHints(context: PortalContext, authorityId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });

  const send = async () => {
    const latest = await context.store.latestChangeSeq(authorityId);
    response.write(`event: changes\nid: ${latest}\ndata: ${JSON.stringify({ latest })}\n\n`);
  };
  const onChange = (changed: string) => {
    if (changed === authorityId) send().catch((error: unknown) => request.log.error({ err: error }, 'feed hint failed'));
  };

  // Heartbeats keep proxies from closing an idle stream.
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  context.notifier.on('changed', onChange);
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    context.notifier.off('changed', onChange);
  });

  await send();
}
