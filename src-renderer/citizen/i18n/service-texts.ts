// Service names and descriptions in the citizen's language where the catalog has a translation.
// Without one the German text is shown, marked with lang="de" and a note.
import { formatApplicationFeeInLocale, type ApplicationFee, type ServiceSummary } from '../../../src-shared/index.ts';
import { LOCALE_INFO, type Locale, type Translate } from './messages.ts';

export interface LocalisedText {
  name: string;
  description: string;
  /** BCP 47 tag of the text actually shown, for the `lang` attribute. */
  lang: string;
  /** True when the citizen chose another language but only German exists. */
  germanOnly: boolean;
}

export function localiseServiceText(service: Pick<ServiceSummary, 'name' | 'description' | 'translations'>, locale: Locale): LocalisedText {
  if (locale === 'de') return { name: service.name, description: service.description, lang: 'de', germanOnly: false };

  const translation = service.translations?.[locale];
  if (translation) return { name: translation.name, description: translation.description, lang: locale, germanOnly: false };

  return { name: service.name, description: service.description, lang: 'de', germanOnly: true };
}

/** Formats a fee in euro cents, e.g. "30,50 €" in German. */
export function formatFee(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(LOCALE_INFO[locale].intlLocale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Formats the fee of an application, e.g. "15,00 € (3 × 5,00 €)", or the text for no fee. */
export function formatApplicationFee(fee: ApplicationFee, locale: Locale, t: Translate): string {
  return formatApplicationFeeInLocale(fee, LOCALE_INFO[locale].intlLocale, t('picker.free'));
}

/** True when every word of the query occurs in the service's texts, German or translated. */
export function matchesServiceQuery(service: Pick<ServiceSummary, 'name' | 'description' | 'translations'>, query: string): boolean {
  const words = normaliseForSearch(query).split(' ').filter((word) => word !== '');
  if (words.length === 0) return true;

  const texts = [service.name, service.description, ...Object.values(service.translations ?? {}).flatMap((text) => [text.name, text.description])];
  const haystack = normaliseForSearch(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}

/** Lower case without diacritics, so "hunde" finds "Hunde" and "strasse" finds "Straße". */
function normaliseForSearch(text: string): string {
  return text
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
