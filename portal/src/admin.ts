// `npm run portal:admin -- <command> [options]`: clerk accounts and kiosk devices of a portal,
// run on the portal host against its data folder. Safe while the portal runs: SQLite's WAL mode
// lets the portal read while a command writes, and the portal reads each change on its next request.
import { NewerDatabaseError } from './store/sqlite/open.ts';
import { addClerkCommand, addKioskCommand, deactivateClerkCommand, deactivateKioskCommand, listCommand } from './admin/commands.ts';
import { AdminInputError } from './admin/input.ts';
import { PasswordEntryAborted } from './admin/password-input.ts';

export const ADMIN_USAGE = `Usage: npm run portal:admin -- <command> [options]

Commands (each needs --data <dir>, the portal's data folder with antragsdesk.sqlite):
  add-clerk --data <dir> --username <name> --name "<display name>" --authority <authority id>
            --role <clerk|team_lead|admin> [--password-stdin]
      Adds a clerk account. Asks for the password (at least 12 characters) twice without showing
      it. With --password-stdin it reads the password as one line from stdin instead.
  deactivate-clerk --data <dir> --username <name>
      Blocks the account and ends its sessions at once.
  add-kiosk --data <dir> --name "<location>" --authority <authority id> [--out <file>]
      Adds a kiosk device and creates its device token. With --out the token goes into a new file
      with mode 0600, without --out the token is printed once.
  deactivate-kiosk --data <dir> --id <device id>
      Blocks the device token.
  list --data <dir>
      Shows clerk accounts and kiosk devices, without password hashes or tokens.

Exit codes: 0 done, 1 unexpected failure, 2 invalid input (no account or device changed),
3 database of a newer portal version, 130 password entry aborted.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  'add-clerk': addClerkCommand,
  'deactivate-clerk': deactivateClerkCommand,
  'add-kiosk': addKioskCommand,
  'deactivate-kiosk': deactivateKioskCommand,
  list: listCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    (command === undefined ? console.error : console.log)(ADMIN_USAGE);
    return command === undefined ? 2 : 0;
  }

  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    console.error(`portal-admin: Unknown command "${command}"; expected one of ${Object.keys(COMMANDS).join(', ')}.\n\n${ADMIN_USAGE}`);
    return 2;
  }

  try {
    return await run(args);
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof AdminInputError) {
    console.error(`portal-admin: ${error.message}`);
    return 2;
  }
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`portal-admin: ${(error as Error).message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  if (error instanceof NewerDatabaseError) {
    console.error(`portal-admin: ${error.message}`);
    return 3;
  }
  if (error instanceof PasswordEntryAborted) {
    console.error('portal-admin: password entry aborted; nothing was changed.');
    return 130;
  }
  throw error;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error('portal-admin: failed', error);
  process.exit(1);
});
