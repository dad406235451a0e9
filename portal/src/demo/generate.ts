// `npm run portal:generate -- --data <dir> --count <n>`: fills a portal data folder with n
// synthetic applications through the real intake path (validation, routing, reference numbers,
// audit chain, change feed), for benchmarks and load tests. Uses a fresh folder; never a production one.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PLACES, DEMO_SERVICES } from '../catalog/demo-data.ts';
import { submitApplication } from '../applications/intake.ts';
import { createFormValidator } from '../intake/form-validation.ts';
import { loadOrCreateSecrets } from '../security/secrets.ts';
import { seedDemoData } from '../seed.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createSyntheticSubmissions } from './synthetic.ts';

export interface GenerateOptions {
  dataDir: string;
  count: number;
  seed?: number;
  onProgress?: (done: number) => void;
}

/** Generates applications into the data folder and returns how many were stored. */
export async function generateApplications(options: GenerateOptions): Promise<number> {
  const store = new SqliteStore(options.dataDir, { durability: 'bulk-load' });
  try {
    if (store.created) await seedDemoData(store);
    const deps = { store, validator: createFormValidator(), secrets: loadOrCreateSecrets(options.dataDir) };

    // The benchmark measures JSON intake, so only services without mandatory documents are used.
    const services = DEMO_SERVICES.filter((service) => !service.documents.some((document) => document.required));
    let done = 0;
    for (const submission of createSyntheticSubmissions({ count: options.count, seed: options.seed ?? 1, services, places: DEMO_PLACES })) {
      await submitApplication(deps, { ...submission, attachments: submission.attachments ?? [] }, randomUUID(), { kind: 'citizen' });
      done++;
      if (done % 10_000 === 0) options.onProgress?.(done);
    }
    return done;
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const count = Number(values.count ?? '1000');
  if (!values.data || !Number.isInteger(count) || count < 1) {
    console.error('portal-generate: usage: --data <empty dir> --count <whole number ≥ 1> [--seed <n>]');
    return 2;
  }

  const started = Date.now();
  const stored = await generateApplications({
    dataDir: resolve(values.data),
    count,
    seed: Number(values.seed ?? '1'),
    onProgress: (done) => console.log(`portal-generate: ${done} of ${count}`),
  });
  console.log(`portal-generate: ${stored} applications in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (import.meta.main) {
  main().then((code) => process.exit(code), (error: unknown) => {
    console.error('portal-generate: failed', error);
    process.exit(1);
  });
}
