// The kiosk's device token, read from the file the machine policy names. The file is read for
// every request, so IT can rotate the token without restarting the kiosk.
import { readFile } from 'node:fs/promises';

const TOKEN_PATTERN = /^[\x21-\x7e]{16,512}$/;

export class DeviceTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceTokenError';
  }
}

/** Reads the token; throws DeviceTokenError (never with the token in the message) when it is unusable. */
export async function readDeviceToken(file: string | undefined): Promise<string> {
  if (!file) throw new DeviceTokenError('kioskDeviceTokenFile is not set in the machine policy');

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DeviceTokenError(`device token file ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }

  const token = text.trim();
  if (!TOKEN_PATTERN.test(token)) throw new DeviceTokenError(`device token file ${file} does not contain one token of 16 to 512 printable characters`);
  return token;
}

export function deviceAuthorization(file: string | undefined): () => Promise<string> {
  return async () => `Device ${await readDeviceToken(file)}`;
}
