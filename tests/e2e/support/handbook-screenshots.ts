// Screenshots for the German user docs. Every end-to-end run takes them, into test-results/handbook;
// with UPDATE_HANDBOOK_SCREENSHOTS=1 (npm run screenshots:handbook) they replace the pictures in
// docs/de/bilder, so an ordinary test run leaves the committed docs untouched.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

const DOCS_FOLDER = resolve(import.meta.dirname, '../../../docs/de/bilder');
const RUN_FOLDER = resolve(import.meta.dirname, '../../../test-results/handbook');

export async function handbookScreenshot(page: Page, fileName: string): Promise<void> {
  const folder = process.env.UPDATE_HANDBOOK_SCREENSHOTS === '1' ? DOCS_FOLDER : RUN_FOLDER;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, fileName) });
}
