// `npm run bench:portal`: intake throughput and latency of the embedded portal (SQLite), beside a
// bare route of the same server in the same run, and the change-feed export rate over 100,000
// applications. Figures go to bench/results/portal.json and to stdout.
//
// Targets on a 2-core machine: at least 1,000 applications/s with p99 at most 50 ms.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLERKS, DEMO_PLACES, DEMO_SERVICES } from '../portal/src/catalog/demo-data.ts';
import { generateApplications } from '../portal/src/demo/generate.ts';
import { createSyntheticSubmissions } from '../portal/src/demo/synthetic.ts';
import { startPortalProcess } from '../tests/support/portal-process.ts';
import { runLoad, type LoadRequest } from './load.ts';

const INTAKE_COUNT = Number(process.env.BENCH_INTAKE_COUNT ?? 10_000);
const FEED_COUNT = Number(process.env.BENCH_FEED_COUNT ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

/** Starts the portal as a separate process at the production log level, so its work is measured alone. */
function startPortal(dataDir: string) {
  return startPortalProcess({ dataDir, logLevel: 'info' });
}

async function benchIntake() {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragsdesk-bench-intake-'));
  const portal = await startPortal(dataDir);
  try {
    const services = DEMO_SERVICES.filter((service) => !service.documents.some((document) => document.required));
    const toRequest = (submission: unknown): LoadRequest => ({
      method: 'POST',
      path: '/api/v1/applications',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(submission),
    });
    const submissions = [...createSyntheticSubmissions({ count: INTAKE_COUNT + 500, seed: 7, services, places: DEMO_PLACES })].map(toRequest);

    // Warm-up: JIT, compiled form validators, SQLite page cache.
    await runLoad(portal.url, submissions.slice(0, 500), CONCURRENCY, (status) => status === 201);

    const bare = await runLoad(portal.url, Array.from({ length: INTAKE_COUNT }, () => ({ method: 'GET', path: '/health' })), CONCURRENCY, (status) => status === 200);
    const intake = await runLoad(portal.url, submissions.slice(500), CONCURRENCY, (status) => status === 201);
    return { intake, bare };
  } finally {
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchFeed() {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragsdesk-bench-feed-'));
  try {
    const generateStarted = performance.now();
    await generateApplications({ dataDir, count: FEED_COUNT, seed: 11 });
    const generateSeconds = (performance.now() - generateStarted) / 1000;

    const portal = await startPortal(dataDir);
    try {
      // Export the whole change feed of the largest authority, as a clerk app's initial sync would.
      let rows = 0;
      let pages = 0;
      const started = performance.now();
      for (const clerk of DEMO_CLERKS.filter((user) => user.role === 'clerk')) {
        const login = await fetch(`${portal.url}/api/v1/session`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: clerk.username, password: clerk.password }),
        });
        const { token } = (await login.json()) as { token: string };
        let cursor = 0;
        for (;;) {
          const response = await fetch(`${portal.url}/api/v1/clerk/feed?after=${cursor}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
          const page = (await response.json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
          rows += page.changes.length;
          pages++;
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
      }
      const seconds = (performance.now() - started) / 1000;
      return { applications: FEED_COUNT, generateSeconds, exportedRows: rows, pages, seconds, rowsPerSecond: rows / seconds };
    } finally {
      await portal.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

const { intake, bare } = await benchIntake();
const feed = await benchFeed();

const results = {
  benchmark: 'portal',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  setup: { store: 'sqlite (WAL, synchronous=FULL)', logLevel: 'info', concurrency: CONCURRENCY, intakeCount: INTAKE_COUNT },
  intake: { perSecond: round(intake.perSecond), p50Ms: round(intake.p50Ms), p99Ms: round(intake.p99Ms), failures: intake.failures },
  bareRoute: { route: 'GET /health', perSecond: round(bare.perSecond), p50Ms: round(bare.p50Ms), p99Ms: round(bare.p99Ms), failures: bare.failures },
  intakeToBareRatio: round(intake.perSecond / bare.perSecond),
  feedExport: { ...feed, generateSeconds: round(feed.generateSeconds), seconds: round(feed.seconds), rowsPerSecond: round(feed.rowsPerSecond) },
  targets: {
    intakePerSecondAtLeast: 1000,
    intakeP99MsAtMost: 50,
    met: intake.perSecond >= 1000 && intake.p99Ms <= 50,
  },
};

mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results/portal.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(`intake:      ${results.intake.perSecond} applications/s, p50 ${results.intake.p50Ms} ms, p99 ${results.intake.p99Ms} ms, ${intake.failures} failures`);
console.log(`bare route:  ${results.bareRoute.perSecond} requests/s, p50 ${results.bareRoute.p50Ms} ms, p99 ${results.bareRoute.p99Ms} ms`);
console.log(`ratio:       intake / bare route = ${results.intakeToBareRatio}`);
console.log(`feed export: ${feed.exportedRows} rows in ${results.feedExport.seconds} s = ${results.feedExport.rowsPerSecond} rows/s (${feed.pages} pages)`);
console.log(`targets:     ≥ 1000 applications/s and p99 ≤ 50 ms: ${results.targets.met ? 'met' : 'NOT met'}`);
