// Runs the portal as operators do: `node portal/src/cli.ts` in its own process on 127.0.0.1, with
// a data folder, so tests can stop, kill and restart it like a real server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const PORTAL_CLI = join(REPO_ROOT, 'portal/src/cli.ts');

/** Time a portal gets to stop on SIGTERM before it is killed, so a broken stop cannot hang a run. */
const GRACEFUL_STOP_MS = 10_000;

export interface PortalProcessOptions {
  /** Data folder; without one a temp folder is made and removed again by stop(). */
  dataDir?: string;
  /** TCP port; 0 (the default) picks a free one, which restart() then keeps. */
  port?: number;
  logLevel?: string;
  /** More command-line options, e.g. ['--smtp-url', url]. */
  args?: string[];
}

export interface PortalProcess {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Everything the portal printed so far (JSON log lines and messages). */
  output(): string;
  /** Stops with SIGTERM and waits for the exit. */
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash looks to clients. */
  kill(): Promise<void>;
  /** Starts the portal again on the same port and data folder. */
  restart(): Promise<void>;
}

export async function startPortalProcess(options: PortalProcessOptions = {}): Promise<PortalProcess> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'antragsdesk-portal-'));
  let port = options.port ?? 0;
  let child: ChildProcess | null = null;
  let output = '';

  const launch = async () => {
    const args = [PORTAL_CLI, '--port', String(port), '--data', dataDir, '--log-level', options.logLevel ?? 'warn', ...(options.args ?? [])];
    const started = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;

    const url = await new Promise<string>((resolveUrl, reject) => {
      started.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) resolveUrl(match[1]!);
      });
      started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`portal exited with code ${code} before listening: ${output}`)));
    });
    port = Number(new URL(url).port);
  };

  const end = async (signal: 'SIGTERM' | 'SIGKILL') => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;

    const exited = new Promise<void>((done) => running.once('exit', () => done()));
    running.kill(signal);
    const fallback = setTimeout(() => running.kill('SIGKILL'), GRACEFUL_STOP_MS);
    await exited;
    clearTimeout(fallback);
  };

  await launch();

  const portal: PortalProcess = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    output: () => output,
    stop: async () => {
      await end('SIGTERM');
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGTERM');
      await launch();
    },
  };
  return portal;
}
