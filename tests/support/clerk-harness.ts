/**
 * End-to-end harness for the clerk window: runs the real clerk main-process services (the same
 * factory the Electron shell uses) in the test process against a real portal, and installs them
 * into a Playwright page as `window.antragsdesk.clerk`.
 *
 * Call it before the first `page.goto`, because the API object is built by an init script:
 *
 *   const portal = await startTestPortal();
 *   const clerk = await startClerkHarness({ page, portalUrl: portal.url, dataDir: tempDir });
 *   await page.goto(`${rendererUrl}/clerk.html`);
 *   ...
 *   await clerk.close();
 *
 * Each ClerkApi method is one `page.exposeBinding` named `__antragsdeskClerk_<method>`; events go
 * to `onEvent` listeners through `page.evaluate`. Save dialogs are replaced by writing into
 * `<dataDir>/saved/` (see `savedFiles`), PDFs are printed by Chromium (`page.pdf` of a scratch page
 * in a fresh context of the same browser), and "Vor Ort erfassen" is only counted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CLERK_CHANNELS, type ClerkEvent } from '../../src-shared/ipc/clerk.ts';
import {
  createClerkServices, createPlainFileSecretStore,
  type ClerkChannelName, type ClerkServices, type ClerkServicesOptions,
} from '../../src-main/clerk/index.ts';

export interface ClerkHarnessOptions {
  page: Page;
  portalUrl: string;
  /** Folder for the clerk caches, the session file and saved files; one per test. */
  dataDir: string;
  /** Overrides, e.g. a shorter sync interval or a fixed clock. */
  services?: Partial<Pick<ClerkServicesOptions, 'now' | 'tuning' | 'fetch' | 'log' | 'settings'>>;
}

export interface SavedFile {
  path: string;
  suggestedName: string;
  size: number;
}

export interface ClerkHarness {
  services: ClerkServices;
  /** Files the clerk saved through saveAttachmentAs, exportCsv or exportPdf, in order. */
  savedFiles: SavedFile[];
  /** Events pushed to the page so far. */
  events: ClerkEvent[];
  /** How often openAssistedIntake was called. */
  assistedIntakeOpened: () => number;
  close(): Promise<void>;
}

const BINDING_PREFIX = '__antragsdeskClerk_';

export async function startClerkHarness(options: ClerkHarnessOptions): Promise<ClerkHarness> {
  const { page, dataDir } = options;
  const savedFiles: SavedFile[] = [];
  const events: ClerkEvent[] = [];
  let assistedIntakeCount = 0;

  const services = createClerkServices({
    dataDir,
    portalUrl: options.portalUrl,
    secretStore: createPlainFileSecretStore(path.join(dataDir, 'secrets')),
    tuning: { syncIntervalMs: 5_000, reconnectBaseMs: 200, outboxRetryBaseMs: 500, outboxRetryMaxMs: 5_000 },
    ...options.services,
    saveFile: async ({ suggestedName, content }) => {
      const folder = path.join(dataDir, 'saved');
      mkdirSync(folder, { recursive: true });
      const target = path.join(folder, `${savedFiles.length + 1}-${path.basename(suggestedName)}`);
      writeFileSync(target, content);
      savedFiles.push({ path: target, suggestedName, size: content.length });
      return true;
    },
    renderPdf: async (html) => {
      // A separate context, because a page opened with browser.newPage() owns its context alone.
      const browser = page.context().browser();
      const context = browser ? await browser.newContext() : page.context();
      const scratch = await context.newPage();
      try {
        await scratch.setContent(html);
        return await scratch.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' } });
      } finally {
        await scratch.close();
        if (context !== page.context()) await context.close();
      }
    },
    openAssistedIntake: async () => {
      assistedIntakeCount += 1;
    },
  });

  const channels = Object.keys(CLERK_CHANNELS) as ClerkChannelName[];
  for (const name of channels) {
    await page.exposeBinding(`${BINDING_PREFIX}${name}`, (_source, argument: unknown) => services.handlers[name](argument));
  }

  await page.addInitScript(
    ({ prefix, names }) => {
      const listeners = new Set<(event: unknown) => void>();
      const target = window as unknown as Record<string, unknown>;
      const clerk: Record<string, unknown> = {
        onEvent(listener: (event: unknown) => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      for (const name of names) {
        clerk[name] = (argument?: unknown) => (target[`${prefix}${name}`] as (value?: unknown) => Promise<unknown>)(argument);
      }
      target.__antragsdeskClerkPush = (event: unknown) => {
        for (const listener of listeners) listener(event);
      };
      target.antragsdesk = Object.freeze({ clerk: Object.freeze(clerk) });
    },
    { prefix: BINDING_PREFIX, names: channels },
  );

  const forward = (event: ClerkEvent) => {
    events.push(event);
    page
      .evaluate((pushed) => (window as unknown as { __antragsdeskClerkPush?: (value: unknown) => void }).__antragsdeskClerkPush?.(pushed), event)
      .catch(() => {
        // The page navigated or closed; the next page load subscribes again.
      });
  };
  services.events.on('event', forward);

  return {
    services,
    savedFiles,
    events,
    assistedIntakeOpened: () => assistedIntakeCount,
    close: async () => {
      services.events.off('event', forward);
      await services.close();
    },
  };
}
