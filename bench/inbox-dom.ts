// Counts the rows the clerk's inbox list keeps in the DOM while a cache of 100,000 applications is
// loaded, for bench/clerk.bench.ts. The real renderer runs in Debian's Chromium, bound to the real
// clerk services through the end-to-end harness, as in the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../portal/src/catalog/demo/accounts.ts';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { RENDERER_DIR, serveRenderer } from '../tests/e2e/support/clerk-env.ts';
import { startClerkHarness } from '../tests/support/clerk-harness.ts';

export interface InboxDomRows {
  /** Rows in the "Alle" view, as its counter shows them. */
  rowsLoaded: number;
  /** Rows in the list's DOM at the top of the list. */
  domRowsAtTop: number;
  /** Rows in the list's DOM after the End key jumped to the last row. */
  domRowsAtEnd: number;
}

const REPO = join(import.meta.dirname, '..');
const ALL_VIEW_COUNTER = /(\d[\d.]*) Anträge in „Alle“/;

/** Builds the renderer when out/renderer is missing, as the end-to-end tests expect it built. */
function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'clerk.html'))) return;

  console.log('inbox DOM: building the renderer (npx electron-vite build)');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`electron-vite build failed with exit code ${build.status}`);
}

/** Reads the number of applications from the counter of the "Alle" view. */
async function allViewCount(page: Page): Promise<number> {
  const text = await page.getByText(ALL_VIEW_COUNTER).textContent();
  return Number(ALL_VIEW_COUNTER.exec(text ?? '')?.[1]?.replace(/\./g, '') ?? 0);
}

/** Polls until the "Alle" view lists at least `expected` applications, or fails after the timeout. */
async function waitForAllViewCount(page: Page, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await allViewCount(page).catch(() => 0);
    if (count >= expected) return count;
    if (Date.now() > deadline) throw new Error(`inbox lists ${count} applications after ${timeoutMs} ms, expected ${expected}`);
    await page.waitForTimeout(200);
  }
}

/**
 * Signs in as `username` in the clerk window over the cache in `dataDir`, opens the "Alle" view
 * once it lists `expectedRows` applications and counts the list's rows in the DOM.
 */
export async function measureInboxDomRows(options: { portalUrl: string; dataDir: string; username: string; expectedRows: number }): Promise<InboxDomRows> {
  ensureRendererBuilt();
  const renderer = await serveRenderer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

  try {
    const page = await browser.newPage({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const harness = await startClerkHarness({ page, portalUrl: options.portalUrl, dataDir: options.dataDir });
    try {
      await page.goto(`${renderer.url}/clerk.html`);
      await page.getByLabel('Benutzername').fill(options.username);
      await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { name: 'Posteingang' }).waitFor();

      await page.getByRole('tab', { name: 'Alle' }).click();
      const rowsLoaded = await waitForAllViewCount(page, options.expectedRows, 60_000);
      const grid = page.getByRole('grid');
      const domRowsAtTop = await grid.locator('[role="row"]').count();

      // The End key selects the last row, which the list then renders instead of the first ones.
      await grid.focus();
      await page.keyboard.press('End');
      await grid.locator(`[role="row"][aria-rowindex="${rowsLoaded + 1}"][aria-selected="true"]`).waitFor();
      const domRowsAtEnd = await grid.locator('[role="row"]').count();

      return { rowsLoaded, domRowsAtTop, domRowsAtEnd };
    } finally {
      await harness.close();
    }
  } finally {
    await browser.close();
    await renderer.close();
  }
}
