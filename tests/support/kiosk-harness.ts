// End-to-end harness of the kiosk. It builds the kiosk page with Vite and serves it on 127.0.0.1
// with the kiosk's CSP. It binds `window.antragsdesk.kiosk` in a Chromium page to the real
// main-process kiosk services (outbox, catalog cache, scanner folder, receipt), which talk to a
// real portal. Printing stores the receipt HTML in a list instead of sending it to a printer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { DEMO_KIOSK_DEVICES } from '../../portal/src/catalog/demo/accounts.ts';
import { KIOSK_CHANNELS } from '../../src-shared/ipc/kiosk.ts';
import { KIOSK_CSP, resolveAppRequest } from '../../src-main/kiosk/app-protocol.ts';
import { describeIssues, KIOSK_ARGUMENT_SCHEMAS, type KioskCallName } from '../../src-main/kiosk/ipc-arguments.ts';
import { createKioskServices, type KioskPolicy, type KioskServices } from '../../src-main/kiosk/kiosk-services.ts';
import { createMemoryLogger } from '../../src-main/logging/logger.ts';

const repo = resolve(import.meta.dirname, '../..');

let built: Promise<string> | null = null;

/** Builds the kiosk page once per test worker into a temp folder and returns that folder. */
export function buildKioskPage(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'antragsdesk-kiosk-e2e-build-'));
    // The build serves every test of this worker, so it goes away with the worker process.
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    await build({
      root: join(repo, 'src-renderer'),
      base: './',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, modulePreload: { polyfill: false }, rollupOptions: { input: { kiosk: join(repo, 'src-renderer/kiosk.html') } } },
    });
    return outDir;
  })();
  return built;
}

/** Serves the built page like the app:// protocol does: same path guard, same CSP. */
export async function serveKioskPage(folder: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const resolved = resolveAppRequest(`app://kiosk${request.url ?? '/'}`, folder);
    if (resolved.kind !== 'file') {
      response.writeHead(resolved.kind === 'rejected' ? resolved.status : 404).end();
      return;
    }
    readFile(resolved.path).then(
      (body) => response.writeHead(200, { 'content-type': resolved.contentType, 'content-security-policy': KIOSK_CSP }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface KioskHarness {
  services: KioskServices;
  scannerFolder: string;
  printed: string[];
  calls: KioskCallName[];
  log: ReturnType<typeof createMemoryLogger>;
  /** Opens the kiosk page with the binding in place. */
  open(page: Page, origin: string, query?: string): Promise<void>;
  close(): void;
}

export function createKioskHarness(options: { portalUrl: string; policy?: Partial<KioskPolicy> }): KioskHarness {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragsdesk-kiosk-e2e-data-'));
  const scannerFolder = join(dataDir, 'scans');
  mkdirSync(scannerFolder);
  const tokenFile = join(dataDir, 'device-token');
  writeFileSync(tokenFile, `${DEMO_KIOSK_DEVICES[0]!.token}\n`);
  const printed: string[] = [];
  const calls: KioskCallName[] = [];
  const log = createMemoryLogger();

  const services = createKioskServices({
    policy: {
      portalUrl: options.portalUrl,
      kioskDeviceTokenFile: tokenFile,
      kioskPaper: 'roll80mm',
      idleTimeoutSeconds: 120,
      languages: ['de', 'en', 'uk', 'ar', 'tr', 'de-x-ls'],
      scannerFolder,
      offlineIntakeAllowed: true,
      ...options.policy,
    },
    dataDir,
    log,
    printReceipt: async (html) => {
      printed.push(html);
    },
    backoff: { baseMs: 200, maxMs: 1_000 },
    deliveryPollMs: 200,
  });

  return {
    services,
    scannerFolder,
    printed,
    calls,
    log,
    open: async (page, origin, query = '') => {
      await page.exposeBinding('__kioskInvoke', async (source, name: KioskCallName, raw: unknown) => {
        // Same checks as the IPC handlers: top frame of the kiosk page, argument per schema.
        if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(origin)) throw new Error(`${name}: call rejected`);
        const schema = KIOSK_ARGUMENT_SCHEMAS[name];
        const parsed = schema.safeParse(raw ?? undefined);
        if (!parsed.success) throw new Error(`${name}: invalid argument ${JSON.stringify(describeIssues(parsed.error))}`);
        calls.push(name);
        const handler = services[name] as (args: unknown) => Promise<unknown>;
        return handler(parsed.data);
      });
      await page.addInitScript((names: string[]) => {
        const invoke = (window as unknown as { __kioskInvoke(name: string, args: unknown): Promise<unknown> }).__kioskInvoke;
        const kiosk = Object.fromEntries(names.map((name) => [name, (args?: unknown) => invoke(name, args)]));
        Object.defineProperty(window, 'antragsdesk', { value: Object.freeze({ kiosk: Object.freeze(kiosk) }) });
      }, Object.keys(KIOSK_CHANNELS));
      await page.goto(`${origin}/kiosk.html${query}`);
    },
    close: () => {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

