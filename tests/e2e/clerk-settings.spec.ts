// Einstellungen in the clerk window: values from the machine policy are shown read-only with
// their source, personal settings can be changed and are stored for the next start.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createMemoryLogger } from '../../src-main/logging/logger.ts';
import { loadPolicy } from '../../src-main/policy/resolve.ts';
import { createSettingsProvider } from '../../src-main/policy/settings-view.ts';
import { startClerkHarness, type ClerkHarness } from '../support/clerk-harness.ts';
import { makeTempDir, removeDir, serveRenderer, startPortalProcess, type PortalProcess, type StaticServer } from './support/clerk-env.ts';
import { ClerkPage } from './support/clerk-page.ts';

let renderer: StaticServer;
let portal: PortalProcess;
let harness: ClerkHarness | null = null;
const dirs: string[] = [];

test.beforeAll(async () => {
  renderer = await serveRenderer();
  const portalDir = makeTempDir('antragsdesk-e2e-portal-');
  dirs.push(portalDir);
  portal = await startPortalProcess(portalDir);
});
test.afterAll(async () => {
  await harness?.close();
  await portal.stop();
  await renderer.close();
  for (const dir of dirs) removeDir(dir);
});

test('managed values read-only, own settings stored', async ({ page }) => {
  const root = makeTempDir('antragsdesk-e2e-policy-');
  dirs.push(root);
  mkdirSync(join(root, 'etc', 'antragsdesk'), { recursive: true });
  writeFileSync(join(root, 'etc', 'antragsdesk', 'policy.json'), JSON.stringify({ portalUrl: portal.url, logLevel: 'warn' }));
  const userSettingsFile = join(root, 'settings.json');

  const loaded = await loadPolicy({ platform: 'linux', fileRoot: root, env: {}, userSettingsFile, argv: [], log: createMemoryLogger() });
  expect(loaded.ok).toBe(true);
  if (!loaded.ok) return;
  const settings = createSettingsProvider({ policy: loaded.policy, userSettingsFile, log: createMemoryLogger() });

  harness = await startClerkHarness({ page, portalUrl: portal.url, dataDir: join(root, 'clerk'), services: { settings } });
  const clerk = new ClerkPage(page);
  await clerk.open(renderer.url);
  await clerk.login('a.krueger');

  await page.getByRole('button', { name: 'Einstellungen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Einstellungen' });
  await expect(dialog).toBeVisible();

  const portalRow = dialog.locator('[data-setting="portalUrl"]');
  await expect(portalRow).toContainText(portal.url);
  await expect(portalRow).toContainText('Vorgegeben');
  await expect(portalRow.getByRole('button', { name: /Ändern/ })).toHaveCount(0);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  const idleRow = dialog.locator('[data-setting="idleTimeoutSeconds"]');
  await expect(idleRow).toContainText('Standardwert');
  await idleRow.getByRole('button', { name: /Ändern/ }).click();

  const input = idleRow.getByRole('spinbutton');
  await input.fill('5');
  await idleRow.getByRole('button', { name: 'Speichern' }).click();
  await expect(idleRow.getByRole('alert')).toContainText('ist ungültig');

  await input.fill('300');
  await idleRow.getByRole('button', { name: 'Speichern' }).click();
  await expect(idleRow).toContainText('300');
  await expect(idleRow).toContainText('Benutzereinstellung');
  expect(JSON.parse(readFileSync(userSettingsFile, 'utf8'))).toEqual({ idleTimeoutSeconds: 300 });
});
