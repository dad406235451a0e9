// Field formats of the service forms with their German messages. The citizen app checks them while
// the citizen types, and the portal registers the same functions as ajv formats, so both sides
// accept exactly the same values.

export type FormatName = 'date' | 'past-date' | 'de-postcode' | 'iban' | 'email' | 'de-phone' | 'de-vehicle-registration' | 'ars';

export const FORMAT_MESSAGES_DE: Record<FormatName, string> = {
  date: 'Bitte geben Sie ein gültiges Datum im Format TT.MM.JJJJ an, zum Beispiel 05.03.2026.',
  'past-date': 'Bitte geben Sie ein gültiges Datum im Format TT.MM.JJJJ an, das nicht in der Zukunft liegt.',
  'de-postcode': 'Bitte geben Sie die Postleitzahl mit genau fünf Ziffern an, zum Beispiel 19053.',
  iban: 'Die IBAN ist ungültig. Bitte prüfen Sie die Eingabe. Eine deutsche IBAN beginnt mit DE und hat 22 Zeichen.',
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.',
  'de-phone': 'Bitte geben Sie eine gültige Telefonnummer an, zum Beispiel 0385 1234567 oder +49 385 1234567.',
  'de-vehicle-registration': 'Bitte geben Sie das Kennzeichen so an, wie es auf dem Nummernschild steht, zum Beispiel SN-AB 123.',
  ars: 'Bitte wählen Sie einen Ort aus der Liste aus.',
};

// ---------------------------------------------------------------------------------------------
// Dates

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a date typed as TT.MM.JJJJ (one-digit day and month allowed) into YYYY-MM-DD. Works on the
 * calendar numbers only, so no time zone can shift the day, and a day that the month does not have
 * (31.02.) is rejected instead of rolled over into the next month.
 */
export function parseGermanDate(input: string): { ok: true; iso: string } | { ok: false; reason: 'format' | 'invalid_date' } {
  const match = GERMAN_DATE.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };

  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'invalid_date' };

  return { ok: true, iso: `${match[3]}-${pad2(month)}-${pad2(day)}` };
}

/** Formats YYYY-MM-DD as TT.MM.JJJJ; throws a RangeError for anything that is not a calendar date. */
export function formatGermanDate(iso: string): string {
  if (!isValidIsoDate(iso)) throw new RangeError(`Invalid date ${JSON.stringify(iso)}; expected YYYY-MM-DD`);
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** True for YYYY-MM-DD naming a day that exists (leap years included). */
/**
 * Checks a date that cannot lie in the future, such as a date of birth: valid and not after
 * `today`, the Europe/Berlin calendar date (`berlinDate` in src-shared/dates.ts).
 */
export function isValidPastDate(input: string, today: string): boolean {
  return isValidIsoDate(input) && input <= today;
}

export function isValidIsoDate(input: string): boolean {
  const match = ISO_DATE.exec(input);
  if (!match) return false;
  return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// IBAN

/**
 * IBAN length per country code, as listed in the SWIFT IBAN registry (taken from the table the
 * IbanNet project publishes in SupportedCountries.md, plus Burundi).
 * NOTE: countries added to the registry later are rejected until they are added here.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23,
  IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27,
  MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23,
  TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** Removes all whitespace (also the no-break spaces that copied bank statements contain) and upper-cases. */
export function normaliseIban(input: string): string {
  return input.replace(/\s+/gu, '').toUpperCase();
}

/** Checks the country's IBAN length and the ISO 7064 mod-97 check digits. */
export function isValidIban(input: string): boolean {
  const iban = normaliseIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;

  // Move the country code and check digits to the end, turn letters into 10..35 and take the
  // remainder digit by digit, because the whole number is far beyond Number.MAX_SAFE_INTEGER.
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

// ---------------------------------------------------------------------------------------------
// Postcode, phone, e-mail, region key

export function isValidPostcode(input: string): boolean {
  return typeof input === 'string' && /^\d{5}$/.test(input);
}

/** Amtlicher Regionalschlüssel: twelve digits. */
export function isValidArs(input: string): boolean {
  return typeof input === 'string' && /^\d{12}$/.test(input);
}

/**
 * Accepts national numbers starting with 0 and international numbers starting with +, with spaces,
 * slashes, hyphens and brackets as separators. At least 7 digits, since even short German numbers
 * have an area code, and at most 15, the E.164 maximum.
 */
export function isValidPhone(input: string): boolean {
  if (typeof input !== 'string' || input.length > 30) return false;
  if (!/^[+\d(][\d ()/-]*$/.test(input.trim())) return false;
  const compact = input.replace(/[\s()/-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) || /^0\d{6,14}$/.test(compact);
}

const EMAIL_LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * Accepts the addresses people actually use: an ASCII local part without quotes, and a domain of at
 * least two labels (umlaut domains allowed) whose last label has two or more letters.
 */
export function isValidEmail(input: string): boolean {
  if (typeof input !== 'string' || input.length > 254) return false;
  const at = input.lastIndexOf('@');
  if (at < 1) return false;

  const localPart = input.slice(0, at);
  const domain = input.slice(at + 1);
  if (localPart.length > 64 || !EMAIL_LOCAL_PART.test(localPart)) return false;

  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  const topLevel = labels[labels.length - 1] ?? '';
  return /^(\p{L}{2,}|xn--[a-z0-9-]+)$/iu.test(topLevel);
}

// ---------------------------------------------------------------------------------------------
// Vehicle registration numbers

/**
 * A German plate: district code of one to three letters (umlauts occur, as in LÖ), one or two
 * recognition letters, one to four digits without a leading zero, and E (electric) or H (historic)
 * as an optional suffix. District, letters and digits together have at most eight characters.
 * NOTE: special series (Bundeswehr "Y", authorities' plates without recognition letters,
 * diplomatic plates) are not accepted.
 */
const PLATE_PARTS = /^([A-ZÄÖÜ]{1,3})[\s:-]+([A-Z]{1,2})[\s-]*([1-9]\d{0,3})\s*([EH]?)$/;
const CANONICAL_PLATE = /^([A-ZÄÖÜ]{1,3})-([A-Z]{1,2}) ([1-9]\d{0,3})([EH]?)$/;

/**
 * Upper-cases and writes a plate in the canonical form "SN-AB 123". Input without a separator after
 * the district code is ambiguous, so it is only upper-cased and trimmed.
 */
export function normaliseVehicleRegistration(input: string): string {
  const upper = input.trim().replace(/\s+/g, ' ').toUpperCase();
  const match = PLATE_PARTS.exec(upper);
  if (!match) return upper;
  return `${match[1]}-${match[2]} ${match[3]}${match[4]}`;
}

export function isValidVehicleRegistration(input: string): boolean {
  if (typeof input !== 'string') return false;
  const match = CANONICAL_PLATE.exec(normaliseVehicleRegistration(input));
  if (!match) return false;
  const length = (match[1] ?? '').length + (match[2] ?? '').length + (match[3] ?? '').length;
  return length <= 8;
}
