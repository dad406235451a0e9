// Prints the adminPinHash policy value for a PIN read from stdin, so the PIN stays out of the
// shell history and the process list:
//   node src-main/policy/hash-pin-cli.ts          (then type the PIN and press Enter)
//   printf '%s' 482913 | node src-main/policy/hash-pin-cli.ts
import { text } from 'node:stream/consumers';
import { ADMIN_PIN_PATTERN, hashAdminPin } from './pin-hash.ts';

const input = (await text(process.stdin)).trim();

if (!ADMIN_PIN_PATTERN.test(input)) {
  process.stderr.write('Ungültige PIN: erwartet werden 4 bis 12 Ziffern.\n');
  process.exit(2);
}

process.stdout.write(`${await hashAdminPin(input)}\n`);
