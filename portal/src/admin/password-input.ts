// Reads a new clerk password: twice and without echo on a terminal, or as one line from stdin for
// scripts. The password never appears in arguments, so it stays out of the shell history and the
// process list.
import { createInterface } from 'node:readline';
import { AdminInputError } from './input.ts';

export const MIN_PASSWORD_LENGTH = 12;
// The login request accepts passwords of at most 1000 characters (UTF-16 code units).
const MAX_PASSWORD_LENGTH = 1000;

/** Thrown when the operator presses Ctrl+C or Ctrl+D at the password prompt. */
export class PasswordEntryAborted extends Error {
  constructor() {
    super('Password entry aborted.');
    this.name = 'PasswordEntryAborted';
  }
}

export async function readNewPassword(fromStdin: boolean): Promise<string> {
  const password = fromStdin ? await readStdinLine() : await askTwice();
  checkPassword(password);
  return password;
}

export function checkPassword(password: string): void {
  if (password === '') throw new AdminInputError('The password is empty; nothing was changed.');
  if (password.trim() === '') throw new AdminInputError('The password consists of spaces only; nothing was changed.');

  // Counts Unicode code points after NFC normalization, the form the portal hashes.
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) {
    throw new AdminInputError(`The password is too short: it needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AdminInputError(`The password is too long: the login accepts at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
}

async function askTwice(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new AdminInputError('stdin is not a terminal, so the password cannot be asked for; send it as one line on stdin with --password-stdin.');
  }

  const [first, second] = await readHiddenLines([`New password (at least ${MIN_PASSWORD_LENGTH} characters, not shown): `, 'Repeat the password: ']);
  checkPassword(first!);
  if (first !== second) throw new AdminInputError('The two passwords differ; nothing was changed.');
  return first!;
}

/** Reads the first line of stdin without its line ending. Spaces inside and around it are part of the password. */
async function readStdinLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/**
 * Reads one line per prompt from the terminal. The terminal stays in raw mode for all prompts, so
 * nothing is echoed, also not what the operator types ahead before the next prompt appears.
 */
function readHiddenLines(prompts: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    const lines: string[] = [];
    let entered = '';
    let afterCarriageReturn = false;

    // Raw mode before the first prompt: otherwise an early Ctrl+C would end the process without
    // the message, and early keys would be echoed.
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    process.stderr.write(prompts[0]!);

    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
    };

    const onData = (chunk: string) => {
      for (const character of chunk) {
        // Pasted text may end its lines with \r\n, which is one line end, not an empty second line.
        const lineFeedOfCrLf = character === '\n' && afterCarriageReturn;
        afterCarriageReturn = character === '\r';
        if (lineFeedOfCrLf) continue;

        if (character === '\r' || character === '\n') {
          lines.push(entered);
          entered = '';
          process.stderr.write('\n');
          if (lines.length === prompts.length) {
            finish();
            resolve(lines);
            return;
          }
          process.stderr.write(prompts[lines.length]!);
          continue;
        }
        if (character === '\u0003' || character === '\u0004') {
          finish();
          process.stderr.write('\n');
          reject(new PasswordEntryAborted());
          return;
        }
        if (character === '\u007f' || character === '\b') {
          entered = [...entered].slice(0, -1).join('');
          continue;
        }
        entered += character;
      }
    };
    stdin.on('data', onData);
  });
}
