// `npm run portal`: starts the portal and stops it cleanly on SIGINT/SIGTERM.
import { ConfigError, parseConfig, USAGE } from './config.ts';
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock.ts';
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

  let releaseDataFolder: () => void;
  try {
    releaseDataFolder = lockDataFolder(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(`portal: ${error.message}`);
    return 2;
  }

  let portal;
  try {
    portal = await startPortal(config);
  } catch (error) {
    releaseDataFolder();
    if (error instanceof NewerDatabaseError) {
      console.error(`portal: ${error.message}`);
      return 3;
    }
    if (error instanceof NotAPortalDatabaseError) {
      console.error(`portal: ${error.message}`);
      return 2;
    }
    throw error;
  }

  console.log(`Antragsdesk portal listening on ${portal.url} (data: ${config.dataDir})`);

  const stop = async (signal: string) => {
    portal.app.log.info({ signal }, 'portal stopping');
    await portal.close();
    releaseDataFolder();
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
