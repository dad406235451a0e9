import { describe, expect, it } from 'vitest';
import { de } from '../../../src-renderer/citizen/i18n/de.ts';
import { LOCALE_INFO, LOCALES, MESSAGES, placeholdersOf, translate, type MessageKey } from '../../../src-renderer/citizen/i18n/messages.ts';
import { formatFee, localiseServiceText, matchesServiceQuery } from '../../../src-renderer/citizen/i18n/service-texts.ts';
import { parkingService } from './fixtures.ts';

const KEYS = Object.keys(de) as MessageKey[];

describe('message catalogs', () => {
  for (const locale of LOCALES) {
    it(`${locale} has every key with text`, () => {
      const catalog = MESSAGES[locale];
      for (const key of KEYS) {
        expect(catalog[key], `${locale}: ${key}`).toBeTypeOf('string');
        expect(catalog[key].trim(), `${locale}: ${key}`).not.toBe('');
      }
      expect(Object.keys(catalog).sort()).toEqual([...KEYS].sort());
    });

    it(`${locale} keeps the placeholders of German`, () => {
      for (const key of KEYS) {
        expect(placeholdersOf(MESSAGES[locale][key]), `${locale}: ${key}`).toEqual(placeholdersOf(de[key]));
      }
    });
  }

  it('translates most texts instead of copying German', () => {
    for (const locale of ['en', 'uk', 'ar', 'tr'] as const) {
      const copied = KEYS.filter((key) => MESSAGES[locale][key] === de[key] && !/^\{?\w*\}? ?%?$/.test(de[key]));
      expect(copied, locale).toEqual([]);
    }
  });

  it('writes Arabic right to left and every other language left to right', () => {
    expect(LOCALE_INFO.ar.dir).toBe('rtl');
    for (const locale of LOCALES.filter((code) => code !== 'ar')) expect(LOCALE_INFO[locale].dir).toBe('ltr');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('de', 'wizard.stepOf', { current: 2, total: 5 })).toBe('Schritt 2 von 5');
    expect(translate('en', 'wizard.stepOf', { current: 2 })).toBe('Step 2 of {total}');
  });
});

describe('service texts', () => {
  const service = {
    ...parkingService(),
    translations: { en: { name: 'Resident parking permit', description: 'Park near your home.' } },
  };

  it('uses the catalog translation where there is one', () => {
    expect(localiseServiceText(service, 'en')).toEqual({ name: 'Resident parking permit', description: 'Park near your home.', lang: 'en', germanOnly: false });
  });

  it('falls back to German with a note where there is none', () => {
    const text = localiseServiceText(service, 'uk');
    expect(text.name).toBe(service.name);
    expect(text.lang).toBe('de');
    expect(text.germanOnly).toBe(true);
  });

  it('shows German without a note in German', () => {
    expect(localiseServiceText(service, 'de').germanOnly).toBe(false);
  });

  it('finds services by German and translated words, ignoring case and umlauts', () => {
    expect(matchesServiceQuery(service, 'bewohnerPARK')).toBe(true);
    expect(matchesServiceQuery(service, 'resident permit')).toBe(true);
    expect(matchesServiceQuery(service, 'hund')).toBe(false);
    expect(matchesServiceQuery(service, '   ')).toBe(true);
  });

  it('formats fees in euro per language with Latin digits in Arabic', () => {
    expect(formatFee(3050, 'de')).toBe('30,50\u00a0€');
    expect(formatFee(3050, 'ar')).toMatch(/30[.,٫]50/);
  });
});
