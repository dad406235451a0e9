// Tests the shell's launcher of the first-sync process against the fake electron module. They check
// what it passes to utilityProcess.fork and how messages, exit codes and kill() cross the
// SyncProcess interface. They also run the process initial loader over it, and check that the
// clerk window starts it at sign-in.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK_CHANNELS } from '../../../src-shared/ipc/clerk.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { PortalError } from '../../../src-main/clerk/portal-api/portal-error.ts';
import { createProcessInitialLoader, InitialLoadStoppedError, type InitialLoadRequest } from '../../../src-main/clerk/sync/initial-sync.ts';
import type { InitialSyncJob, WorkerReport } from '../../../src-main/clerk/sync/initial-sync-messages.ts';
import { app, BrowserWindow, electronFake, ipcMain, type FakeUtilityProcess } from '../../fakes/electron.ts';
import { DEMO_PASSWORD_ENV, startTestPortal } from '../../support/portal-harness.ts';

vi.mock('electron', () => import('../../fakes/electron.ts'));

const { launchUtilitySyncProcess } = await import('../../../src-main/shell/sync-process.ts');
const { attachClerkWindow } = await import('../../../src-main/shell/clerk-window.ts');

const SCRIPT = '/opt/antragsdesk/resources/app.asar/out/main/initial-sync-process.js';

const START_JOB: InitialSyncJob = {
  type: 'start',
  cachePath: '/tmp/antragsdesk-cache/u-7.sqlite',
  portal: { baseUrl: 'http://127.0.0.1:9', token: 'token-1' },
  after: 0,
  pageSize: 500,
};

beforeEach(() => {
  electronFake.reset();
});

function onlyForkedProcess(): FakeUtilityProcess {
  expect(electronFake.state.utilityProcesses).toHaveLength(1);
  return electronFake.state.utilityProcesses[0]!;
}

describe('launchUtilitySyncProcess', () => {
  it('forks the script with the service name', () => {
    launchUtilitySyncProcess(SCRIPT);

    const { fork } = onlyForkedProcess();
    expect(fork.modulePath).toBe(SCRIPT);
    expect(fork.args).toEqual([]);
    expect(fork.options).toEqual({ serviceName: 'Antragsdesk Erstabgleich', stdio: 'inherit' });
  });

  it('forks one process per launch', () => {
    launchUtilitySyncProcess(SCRIPT);
    launchUtilitySyncProcess(SCRIPT);

    expect(electronFake.state.utilityProcesses).toHaveLength(2);
    expect(electronFake.state.utilityProcesses[0]).not.toBe(electronFake.state.utilityProcesses[1]);
  });

  it('posts the job to the process', () => {
    const child = launchUtilitySyncProcess(SCRIPT);

    child.postMessage(START_JOB);

    expect(onlyForkedProcess().posted).toEqual([START_JOB]);
  });

  it('passes a message on unwrapped', () => {
    const child = launchUtilitySyncProcess(SCRIPT);
    const received: unknown[] = [];
    child.onMessage((message) => received.push(message));

    const report: WorkerReport = { type: 'finished', cursor: 42, changes: 40 };
    onlyForkedProcess().emit('message', report);

    expect(received).toEqual([report]);
  });

  it('passes the exit code on', () => {
    const child = launchUtilitySyncProcess(SCRIPT);
    const codes: number[] = [];
    child.onExit((code) => codes.push(code));

    onlyForkedProcess().emit('exit', 3);

    expect(codes).toEqual([3]);
  });

  it('kills the process', () => {
    const child = launchUtilitySyncProcess(SCRIPT);
    expect(onlyForkedProcess().killCount).toBe(0);

    child.kill();

    expect(onlyForkedProcess().killCount).toBe(1);
  });
});

describe('process initial loader over utilityProcess', () => {
  function startLoad(after = 0) {
    const log = createMemoryLogger();
    const loader = createProcessInitialLoader({
      cachePath: START_JOB.cachePath,
      portal: () => START_JOB.portal,
      log,
      launch: launchUtilitySyncProcess,
    });
    const pages: Parameters<InitialLoadRequest['onPage']>[0][] = [];
    const load = loader.load({ after, pageSize: 500, onPage: (progress) => pages.push(progress) });
    return { loader, load, log, pages, child: onlyForkedProcess() };
  }

  it('forks the process script beside the loader', () => {
    const { child, loader, load } = startLoad();
    void load.catch(() => {});

    expect(basename(child.fork.modulePath)).toMatch(/^initial-sync-process\.(js|ts)$/);
    expect(existsSync(child.fork.modulePath)).toBe(true);
    expect(child.fork.options).toMatchObject({ serviceName: 'Antragsdesk Erstabgleich' });
    loader.stop();
  });

  it('posts the start job', () => {
    const { child, loader, load } = startLoad(1200);
    void load.catch(() => {});

    expect(child.posted).toEqual([{ ...START_JOB, after: 1200 }]);
    loader.stop();
  });

  it('resolves with the cursor when finished', async () => {
    const { child, load, pages } = startLoad();

    child.emit('message', { type: 'progress', done: 500, cursor: 510, hasMore: true, changed: 500 } satisfies WorkerReport);
    expect(child.killCount).toBe(0);
    child.emit('message', { type: 'finished', cursor: 730, changes: 720 } satisfies WorkerReport);

    await expect(load).resolves.toEqual({ cursor: 730, changes: 720 });
    expect(pages).toEqual([{ type: 'progress', done: 500, cursor: 510, hasMore: true, changed: 500 }]);
    expect(child.killCount).toBe(1);
  });

  it('keeps the result when the killed process exits', async () => {
    const { child, load } = startLoad();

    child.emit('message', { type: 'finished', cursor: 730, changes: 720 } satisfies WorkerReport);
    child.emit('exit', 15);

    await expect(load).resolves.toEqual({ cursor: 730, changes: 720 });
    expect(child.killCount).toBe(1);
  });

  it('writes log reports to the app log', async () => {
    const { child, load, log } = startLoad();

    child.emit('message', { type: 'log', level: 'warn', message: 'sync: page retried', data: { cursor: 510 } } satisfies WorkerReport);
    child.emit('message', { type: 'finished', cursor: 730, changes: 720 } satisfies WorkerReport);
    await load;

    expect(log.records).toContainEqual({ level: 'warn', message: 'sync: page retried', data: { cursor: 510 } });
  });

  it('ignores an unknown message', async () => {
    const { child, load, pages } = startLoad();

    child.emit('message', { type: 'hello' });
    child.emit('message', { type: 'finished', cursor: 730, changes: 720 } satisfies WorkerReport);

    await expect(load).resolves.toEqual({ cursor: 730, changes: 720 });
    expect(pages).toEqual([]);
  });

  it('rejects on exit before finishing', async () => {
    const { child, load, pages } = startLoad();

    child.emit('message', { type: 'progress', done: 500, cursor: 510, hasMore: true, changed: 500 } satisfies WorkerReport);
    child.emit('exit', 1);

    await expect(load).rejects.toThrow('Initial sync process exited with code 1 before the end of the feed');
    expect(pages).toHaveLength(1);
    expect(child.killCount).toBe(1);
  });

  it('ignores a finish after the exit', async () => {
    const { child, load } = startLoad();

    child.emit('exit', 1);
    child.emit('message', { type: 'finished', cursor: 730, changes: 720 } satisfies WorkerReport);

    await expect(load).rejects.toThrow('code 1');
  });

  it('rejects with the portal error of a failed report', async () => {
    const { child, load } = startLoad();

    child.emit('message', {
      type: 'failed',
      error: { name: 'PortalError', kind: 'http', status: 401, problem: null, message: 'GET /feed: 401', userMessage: 'Bitte melden Sie sich erneut an.' },
    } satisfies WorkerReport);

    const error = await load.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).unauthorized).toBe(true);
    expect((error as PortalError).userMessage).toBe('Bitte melden Sie sich erneut an.');
    expect(child.killCount).toBe(1);
  });

  it('rejects when stopped and kills', async () => {
    const { child, load, loader } = startLoad();

    loader.stop();

    await expect(load).rejects.toBeInstanceOf(InitialLoadStoppedError);
    expect(child.killCount).toBe(1);
  });
});

describe('clerk window first sync', () => {
  it('starts it in a utility process', async () => {
    const portal = await startTestPortal();
    const folder = await mkdtemp(join(tmpdir(), 'antragsdesk-sync-process-'));
    const window = new BrowserWindow({ show: false });
    try {
      const userData = join(folder, 'userData');
      const appPath = join(folder, 'app');
      app.setPath('userData', userData);
      app.setPath('appPath', appPath);
      const attached = attachClerkWindow(window as unknown as Parameters<typeof attachClerkWindow>[0], { portalUrl: portal.url, log: createMemoryLogger(), notify: () => {} });
      const event = { sender: window.webContents, senderFrame: { url: pathToFileURL(join(appPath, 'out', 'renderer', 'clerk.html')).href, parent: null } };

      const login = await ipcMain.invoke(CLERK_CHANNELS.login, event, { username: 'a.krueger', password: DEMO_PASSWORD_ENV });
      expect(login).toMatchObject({ ok: true });

      const child = await vi.waitFor(onlyForkedProcess);
      expect(basename(child.fork.modulePath)).toMatch(/^initial-sync-process\.(js|ts)$/);
      expect(child.fork.options).toMatchObject({ serviceName: 'Antragsdesk Erstabgleich' });
      const job = child.posted[0] as InitialSyncJob;
      expect(job).toMatchObject({ type: 'start', after: 0, portal: { baseUrl: portal.url } });
      expect(job.cachePath.startsWith(userData)).toBe(true);

      await attached.detach();
      expect(child.killCount).toBe(1);
    } finally {
      window.destroy();
      await portal.stop();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
