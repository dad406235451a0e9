// Prints the adminPinHash policy value for a PIN read from stdin, so the PIN stays out of the
// shell history and the process list:
//   node src-main/policy/hash-pin-cli.ts          (type the PIN, hidden, and press Enter)
//   printf '%s' 482913 | node src-main/policy/hash-pin-cli.ts
import { text } from 'node:stream/consumers';
import { ADMIN_PIN_PATTERN, hashAdminPin } from './pin-hash.ts';

/** Reads one line from the terminal without echoing it; Ctrl+C aborts. */
function readHiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    let entered = '';
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');

    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(entered);
          return;
        }
        if (character === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (character === '\u007f' || character === '\b') {
          entered = entered.slice(0, -1);
          continue;
        }
        entered += character;
      }
    };
    stdin.on('data', onData);
  });
}

const input = process.stdin.isTTY ? (await readHiddenLine('Admin-PIN (wird nicht angezeigt): ')).trim() : (await text(process.stdin)).trim();

if (!ADMIN_PIN_PATTERN.test(input)) {
  process.stderr.write('Ungültige PIN: erwartet werden 4 bis 12 Ziffern.\n');
  process.exit(2);
}

process.stdout.write(`${await hashAdminPin(input)}\n`);
