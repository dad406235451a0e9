// `npm run portal`: starts the portal and stops it cleanly on SIGINT/SIGTERM.
import { ConfigError, parseConfig, USAGE } from './config.ts';
import { DataFolderInUseError, LOCK_FILE_NAME, lockDataFolder, type DataFolderLock } from './data-folder-lock.ts';
import { NewerDatabaseError, NotAPortalDatabaseError } from './store/sqlite/open.ts';
import { startPortal } from './portal.ts';

async function main(): Promise<number> {
  let config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    const message = error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : String(error);
    console.error(`portal: ${message}\n\n${USAGE}`);
    return 2;
  }
  if (config === 'help') {
    console.log(USAGE);
    return 0;
  }

  let lock: DataFolderLock;
  try {
    lock = lockDataFolder(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(`portal: ${error.message}`);
    return 2;
  }
  if (lock.takenOverFrom !== null) {
    console.log(`portal: took over ${LOCK_FILE_NAME} of process ${lock.takenOverFrom}, which is no longer a running portal`);
  }

  let portal;
  try {
    portal = await startPortal(config);
  } catch (error) {
    lock.release();
    if (error instanceof NewerDatabaseError) {
      console.error(`portal: ${error.message}`);
      return 3;
    }
    if (error instanceof NotAPortalDatabaseError) {
      console.error(`portal: ${error.message}`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`portal: port ${config.port} on ${config.host} is already in use. Stop the program that uses it, or choose another --port.`);
      return 2;
    }
    throw error;
  }

  console.log(`Antragsdesk portal listening on ${portal.url} (data: ${config.dataDir})`);

  const stop = async (signal: string) => {
    portal.app.log.info({ signal }, 'portal stopping');
    await portal.close();
    lock.release();
    portal.app.log.info('portal stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error('portal: failed to start', error);
    process.exit(1);
  },
);
