// Validation of the admin commands' options. An AdminInputError means the operator gave invalid
// input, so the command exits with code 2 and changes no account or device.

export class AdminInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminInputError';
  }
}

/** Returns the option's value, or throws when the operator left it out or gave it empty. */
export function requireOption(name: string, value: string | undefined, meaning: string): string {
  if (value === undefined || value.trim() === '') throw new AdminInputError(`--${name} is missing: ${meaning}.`);
  return value;
}

// Names end up on the clerk's screen and in lists, so one line of visible text is enough.
const MAX_NAME_LENGTH = 100;

/** Trims a display name or location name and rejects control characters and overlong values. */
export function checkName(option: string, value: string): string {
  const name = value.trim();
  if (/\p{Cc}/u.test(name)) throw new AdminInputError(`--${option} contains a control character (such as a line break); give one line of text.`);
  if (name.length > MAX_NAME_LENGTH) throw new AdminInputError(`--${option} is longer than ${MAX_NAME_LENGTH} characters.`);
  return name;
}
