// A small closed-loop HTTP load generator for the benchmarks: `concurrency` requests in flight over
// keep-alive connections, latency recorded per request.
import http from 'node:http';

export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export async function runLoad(baseUrl: string, requests: LoadRequest[], concurrency: number, expectStatus: (status: number) => boolean): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;

  const send = (request: LoadRequest) =>
    new Promise<number>((resolve, reject) => {
      const outgoing = http.request(
        { host: url.hostname, port: url.port, method: request.method, path: request.path, agent, headers: request.headers },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });

  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const started = performance.now();
      const status = await send(request).catch(() => 0);
      latencies.push(performance.now() - started);
      if (!expectStatus(status)) failures++;
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { requests: requests.length, failures, seconds, perSecond: requests.length / seconds, p50Ms: percentile(50), p99Ms: percentile(99) };
}
