import { describe, expect, it } from 'vitest';
import {
  FORMAT_MESSAGES_DE, formatGermanDate, isValidEmail, isValidIban, isValidIsoDate, isValidPhone, isValidPostcode,
  isValidVehicleRegistration, normaliseIban, normaliseVehicleRegistration, parseGermanDate,
} from '../../../src-shared/forms/formats.ts';

describe('parseGermanDate', () => {
  it('parses TT.MM.JJJJ into YYYY-MM-DD', () => {
    expect(parseGermanDate('05.03.2026')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseGermanDate(' 5.3.2026 ')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseGermanDate('29.02.2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('rejects days the month does not have instead of rolling over', () => {
    expect(parseGermanDate('31.02.2026')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseGermanDate('29.02.2026')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseGermanDate('29.02.1900')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseGermanDate('31.04.2026')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseGermanDate('00.01.2026')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseGermanDate('10.13.2026')).toEqual({ ok: false, reason: 'invalid_date' });
  });

  it('rejects other shapes as format errors', () => {
    for (const input of ['', '2026-03-05', '5.3.26', '05/03/2026', '05.03.2026 12:00', 'morgen']) {
      expect(parseGermanDate(input)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('keeps the calendar day regardless of the time zone', () => {
    // The night of the switch to summer time in Berlin: a Date-based parser could shift the day.
    expect(parseGermanDate('29.03.2026')).toEqual({ ok: true, iso: '2026-03-29' });
    expect(parseGermanDate('01.01.2026')).toEqual({ ok: true, iso: '2026-01-01' });
  });
});

describe('formatGermanDate and isValidIsoDate', () => {
  it('formats ISO dates the German way', () => {
    expect(formatGermanDate('2026-03-05')).toBe('05.03.2026');
  });

  it('throws for anything but a calendar date', () => {
    expect(() => formatGermanDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatGermanDate('05.03.2026')).toThrow(RangeError);
  });

  it('checks ISO dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-31')).toBe(false);
    expect(isValidIsoDate('2026-2-3')).toBe(false);
    expect(isValidIsoDate('2026-02-03T00:00:00Z')).toBe(false);
  });
});

describe('IBAN', () => {
  it('normalises spaces and case', () => {
    expect(normaliseIban(' de89 3704 0044 0532 0130 00 ')).toBe('DE89370400440532013000');
    expect(normaliseIban('DE89\u00a03704')).toBe('DE893704');
  });

  it('accepts valid IBANs of several countries', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('de89370400440532013000')).toBe(true);
    expect(isValidIban('NO93 8601 1117 947')).toBe(true);
    expect(isValidIban('MT84 MALT 0110 0001 2345 MTLC AST0 01S')).toBe(true);
    expect(isValidIban('AT61 1904 3002 3457 3201')).toBe(true);
  });

  it('rejects a wrong check digit, length or country', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('DE88 3704 0044 0532 0130 00')).toBe(false);
    expect(isValidIban('DE89 3704 0044 0532 0130 0')).toBe(false);
    expect(isValidIban('XX89 3704 0044 0532 0130 00')).toBe(false);
    expect(isValidIban('DE89-3704-0044-0532-0130-00')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });
});

describe('postcode, phone and e-mail', () => {
  it('accepts exactly five digits as postcode', () => {
    expect(isValidPostcode('19053')).toBe(true);
    expect(isValidPostcode('01067')).toBe(true);
    expect(isValidPostcode('1905')).toBe(false);
    expect(isValidPostcode('190530')).toBe(false);
    expect(isValidPostcode(' 19053')).toBe(false);
    expect(isValidPostcode(19053 as unknown as string)).toBe(false);
  });

  it('accepts German and international phone numbers', () => {
    for (const phone of ['0385 1234567', '+49 385 1234567', '(0385) 123 45-67', '0385/1234567', '+4915112345678']) {
      expect(isValidPhone(phone), phone).toBe(true);
    }
    for (const phone of ['123', '385 1234567', '+49 abc', '0385 12', '++49 385 1234567', '0'.repeat(20)]) {
      expect(isValidPhone(phone), phone).toBe(false);
    }
  });

  it('accepts ordinary e-mail addresses', () => {
    for (const email of ['jürgen.mueller@example.org'.replace('ü', 'ue'), 'a+b@sub.example.de', 'info@müller-bau.de']) {
      expect(isValidEmail(email), email).toBe(true);
    }
    for (const email of ['no-at-sign', '@example.org', 'a@b', 'a@example.c', 'a b@example.org', 'a..b@example.org', 'a@-example.org']) {
      expect(isValidEmail(email), email).toBe(false);
    }
  });
});

describe('vehicle registration', () => {
  it('normalises to the canonical spelling', () => {
    expect(normaliseVehicleRegistration('sn ab 123')).toBe('SN-AB 123');
    expect(normaliseVehicleRegistration('SN-AB123')).toBe('SN-AB 123');
    expect(normaliseVehicleRegistration(' lup-x 7e ')).toBe('LUP-X 7E');
    expect(normaliseVehicleRegistration('SNAB123')).toBe('SNAB123');
  });

  it('accepts German plates', () => {
    for (const plate of ['SN-AB 123', 'LUP-X 7E', 'B-AB 1234', 'lö-a 12', 'PCH-AB 99H', 'sn ab 123']) {
      expect(isValidVehicleRegistration(plate), plate).toBe(true);
    }
  });

  it('rejects malformed plates', () => {
    for (const plate of ['SNAB123', 'SN-ABC 123', 'SN-AB 0123', 'SN-AB 12345', 'LUP-AB 1234', 'SN-AB', 'ABCD-A 1', '']) {
      expect(isValidVehicleRegistration(plate), plate).toBe(false);
    }
  });
});

describe('FORMAT_MESSAGES_DE', () => {
  it('has a German message for every custom format', () => {
    for (const format of ['date', 'de-postcode', 'iban', 'email', 'de-phone', 'de-vehicle-registration', 'ars'] as const) {
      expect(FORMAT_MESSAGES_DE[format].length).toBeGreaterThan(10);
    }
  });
});
