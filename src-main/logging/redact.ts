// Removes personal data and secrets from anything that is about to be logged. The log keeps ids
// (application id, reference number, authority id) so support can find a case without the log
// ever holding a citizen's name, address or form contents.

export const REDACTED = '[redacted]';

/**
 * Keys whose values never reach a log, compared after lower-casing and removing everything but
 * letters and digits, so `first_name`, `firstName` and `First-Name` all match.
 */
const PERSONAL_KEYS = new Set([
  // names
  'name', 'firstname', 'lastname', 'givenname', 'givennames', 'familyname', 'surname', 'fullname', 'displayname', 'birthname', 'applicantname', 'contactname',
  // addresses and contact data
  'address', 'street', 'streetaddress', 'housenumber', 'postcode', 'postalcode', 'zip', 'zipcode', 'city', 'place', 'email', 'emailaddress', 'phone', 'phonenumber', 'mobile',
  // identity and payment
  'birthdate', 'dateofbirth', 'iban', 'bic', 'idcardnumber', 'licenseplate', 'vehicleregistration',
  // form contents, files and free texts written by or about the applicant
  'formdata', 'attachments', 'contentbase64', 'filename', 'note', 'notes', 'body', 'text', 'comment', 'reasons',
  // credentials
  'token', 'accesstoken', 'refreshtoken', 'devicetoken', 'idtoken', 'authorization', 'cookie', 'setcookie', 'password', 'secret', 'accesscode', 'pin', 'adminpin', 'adminpinhash', 'apikey', 'privatekey',
]);

/** Suffixes that mark a credential whatever comes before, e.g. kioskDeviceToken or smtpPassword. */
const SECRET_SUFFIXES = ['token', 'password', 'secret', 'pinhash'];

const MAX_DEPTH = 8;

export function isRedactedKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (PERSONAL_KEYS.has(normalized)) return true;
  return SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

function redactError(error: Error, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const plain: Record<string, unknown> = { name: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) plain.code = code;
  if (error.stack) plain.stack = error.stack;
  if (error.cause !== undefined) plain.cause = redactValue(error.cause, seen, depth + 1);
  return plain;
}

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : value;
  }
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);

  if (value instanceof Error) return redactError(value, seen, depth);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
  if (value instanceof Map) return redactValue(Object.fromEntries(value), seen, depth);
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;

  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isRedactedKey(key) ? REDACTED : redactValue(item, seen, depth + 1);
  }
  return copy;
}

/** Returns a deep copy of value in which every personal-data or secret key is replaced. */
export function redact<T>(value: T): T | unknown {
  return redactValue(value, new WeakSet(), 0);
}
