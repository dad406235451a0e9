// A small HTTP proxy on 127.0.0.1 in front of a test portal. It breaks exchanges the way a flaky
// network or a gateway does: it responds 502 without forwarding, forwards and then responds 502,
// or forwards and then drops the connection before the response reaches the client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'refuse-502' | 'forward-then-502' | 'forward-then-drop';

export interface FaultyProxy {
  url: string;
  /** Decides per request; the default passes everything through. */
  plan: (request: { method: string; path: string }) => Fault;
  /** Requests seen, with the fault applied. */
  log: { method: string; path: string; fault: Fault; upstreamStatus: number | null }[];
  close(): Promise<void>;
}

export async function startFaultyProxy(targetUrl: string): Promise<FaultyProxy> {
  const target = new URL(targetUrl);
  const proxy: FaultyProxy = { url: '', plan: () => 'pass', log: [], close: async () => {} };

  const server = http.createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const fault = proxy.plan({ method, path });
    const entry = { method, path, fault, upstreamStatus: null as number | null };
    proxy.log.push(entry);

    if (fault === 'refuse-502') {
      request.resume();
      response.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
      return;
    }

    const upstream = http.request(
      { host: target.hostname, port: target.port, method, path, headers: { ...request.headers, host: target.host } },
      (upstreamResponse) => {
        entry.upstreamStatus = upstreamResponse.statusCode ?? null;
        if (fault === 'pass') {
          response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          upstreamResponse.pipe(response);
          return;
        }

        // The portal has committed. Its response is read completely, then the way back breaks.
        upstreamResponse.resume();
        upstreamResponse.on('end', () => {
          if (fault === 'forward-then-502') response.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
          else request.socket.destroy();
        });
      },
    );
    // A client that goes away (e.g. a closed live stream) ends the upstream exchange too.
    response.on('close', () => upstream.destroy());
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502).end();
      else response.destroy();
    });
    request.pipe(upstream);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
