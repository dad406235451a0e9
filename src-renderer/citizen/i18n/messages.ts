// Message catalogs of the citizen app and the lookup that fills in {placeholders}.
import { ar } from './ar.ts';
import { de, type MessageKey } from './de.ts';
import { deLs } from './de-x-ls.ts';
import { en } from './en.ts';
import { tr } from './tr.ts';
import { uk } from './uk.ts';

export type { MessageKey } from './de.ts';

export const LOCALES = ['de', 'en', 'uk', 'ar', 'tr', 'de-x-ls'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocaleInfo {
  /** Name of the language in that language, as the language switch shows it. */
  name: string;
  dir: 'ltr' | 'rtl';
  /**
   * Locale for Intl number and date formatting. Arabic uses Latin digits because reference
   * numbers, dates and amounts must read the same as on German documents.
   */
  intlLocale: string;
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  de: { name: 'Deutsch', dir: 'ltr', intlLocale: 'de-DE' },
  en: { name: 'English', dir: 'ltr', intlLocale: 'en-GB' },
  uk: { name: 'Українська', dir: 'ltr', intlLocale: 'uk-UA' },
  ar: { name: 'العربية', dir: 'rtl', intlLocale: 'ar-u-nu-latn' },
  tr: { name: 'Türkçe', dir: 'ltr', intlLocale: 'tr-TR' },
  'de-x-ls': { name: 'Leichte Sprache', dir: 'ltr', intlLocale: 'de-DE' },
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = {
  de,
  en,
  uk,
  ar,
  tr,
  'de-x-ls': deLs,
};

export type MessageParams = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Returns the text for `key` in `locale` with its placeholders filled; German where a text is missing. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = MESSAGES[locale][key] || de[key];

  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** Lists the {placeholder} names a message uses, sorted; catalogs must agree on them. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export function translatorFor(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
