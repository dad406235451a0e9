// An HTTP proxy on 127.0.0.1 between the kiosk services and a real portal. It can lose the response
// to a submission after the portal has committed it, which is what a dropped mobile link or a
// crashing reverse proxy looks like to the kiosk.
import { createServer, request as forwardRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What happens to the portal's response to `POST /api/v1/applications`:
 * `none` passes it on, `drop-response` closes the kiosk's connection without a byte,
 * `bad-gateway` replaces it with a 502. The submission itself always reaches the portal.
 */
export type SubmissionFault = 'none' | 'drop-response' | 'bad-gateway';

export interface LossyProxy {
  url: string;
  fault: SubmissionFault;
  /** Submissions the portal responded to, whatever reached the kiosk. */
  readonly forwardedSubmissions: number;
  /** Submissions whose response the proxy withheld. */
  readonly lostResponses: number;
  close(): Promise<void>;
}

const SUBMISSION_PATH = '/api/v1/applications';

interface PortalResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forwardToPortal(target: URL, incoming: IncomingMessage, body: Buffer): Promise<PortalResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = forwardRequest(
      {
        hostname: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host, 'content-length': String(body.length) },
      },
      (response) => {
        readBody(response).then((responseBody) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: responseBody }), reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export async function startLossyProxy(portalUrl: string): Promise<LossyProxy> {
  const target = new URL(portalUrl);
  let forwardedSubmissions = 0;
  let lostResponses = 0;

  const proxy: LossyProxy = {
    url: '',
    fault: 'none',
    get forwardedSubmissions() {
      return forwardedSubmissions;
    },
    get lostResponses() {
      return lostResponses;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const body = await readBody(incoming);
    let portalResponse: PortalResponse;
    try {
      portalResponse = await forwardToPortal(target, incoming, body);
    } catch {
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('portal unreachable');
      return;
    }

    const isSubmission = incoming.method === 'POST' && incoming.url === SUBMISSION_PATH;
    if (isSubmission) forwardedSubmissions += 1;

    // The fault is read after the portal responded, so a test may heal the proxy while a
    // submission is on its way, and that response then reaches the kiosk.
    if (isSubmission && proxy.fault === 'drop-response') {
      lostResponses += 1;
      incoming.socket.destroy();
      return;
    }
    if (isSubmission && proxy.fault === 'bad-gateway') {
      lostResponses += 1;
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
      return;
    }

    const headers = { ...portalResponse.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    outgoing.writeHead(portalResponse.status, { ...headers, 'content-length': String(portalResponse.body.length) }).end(portalResponse.body);
  };

  const server: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(() => incoming.socket.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
