// Text folding for the full-text index and for what the clerk types into the search box. Both go
// through the same folding, so "müller", "MÜLLER" and "mueller" all become "mueller" and find
// Müller, and "weiss" finds Weiß. A change to the folding needs a migration that rebuilds the
// index, because the stored tokens would no longer match the folded input.
import type { Application } from '../../../src-shared/api.ts';

const GERMAN_FOLDS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const LETTER_FOLDS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

// Form values longer than this are cut before indexing, so a long free-text field cannot bloat the index.
const MAX_FORM_VALUE_LENGTH = 2_000;

// Form field paths whose values go into the `address` column of the index, e.g.
// `applicant.address.postcode`. Searches cover all columns, so this split only labels the values.
const ADDRESS_PATH = /address|adresse|anschrift|street|strasse|postcode/i;

// A pasted paragraph would otherwise become one huge AND query.
const MAX_SEARCH_TERMS = 16;

// Any text without code points above U+007F.
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;

/** Column values of one row in the application_search index. */
export interface SearchDocument {
  reference: string;
  applicant: string;
  address: string;
  form: string;
}

/**
 * Folds text for search: lower case, German umlauts and ß spelled out (ä → ae, ß → ss), other
 * diacritics removed (é → e). NFC first, so that a decomposed ü (u + U+0308) folds like ü.
 */
export function foldForSearch(text: string): string {
  // Plain ASCII has nothing to normalise, spell out or strip, and most form values are ASCII.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();

  const lower = text.normalize('NFC').toLowerCase().replace(/[äöüß]/g, (letter) => GERMAN_FOLDS[letter] ?? letter);
  return stripDiacritics(lower);
}

/**
 * Folds text for the index. Where a word contains umlauts it is indexed twice, as "mueller" and
 * as "muller", so a clerk who leaves the umlaut off ("muller") finds the name as well.
 */
export function foldForIndex(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();

  const spelledOut = foldForSearch(text);
  const withoutUmlauts = stripDiacritics(text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss'));
  return spelledOut === withoutUmlauts ? spelledOut : `${spelledOut} ${withoutUmlauts}`;
}

/** Builds the index row of an application: reference, applicant name, address and form values. */
export function searchDocument(application: Application): SearchDocument {
  const addressValues: string[] = [];
  const formValues: string[] = [];

  collectFormValues(application.formData, '', addressValues, formValues);

  // "SN-2026-000123" is indexed as its parts and as one token, so "SN2026000123" matches too.
  const compactReference = application.reference.replace(/[^A-Za-z0-9]/g, '');

  return {
    reference: foldForIndex(`${application.reference} ${compactReference}`),
    applicant: foldForIndex(application.applicantName),
    address: foldForIndex(addressValues.join(' ')),
    form: foldForIndex(formValues.join(' ')),
  };
}

/**
 * Turns the clerk's input into an FTS5 MATCH expression, or null when it contains nothing to
 * search for. Every word becomes a quoted prefix term ("mül" → "muel"*), so FTS5 syntax in the
 * input (quotes, *, -, AND, NEAR, parentheses, column filters) is matched as plain text and can
 * never make the query fail.
 */
export function searchMatchExpression(input: string): string | null {
  const words = foldForSearch(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_SEARCH_TERMS);

  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

function stripDiacritics(text: string): string {
  const folded = text.replace(/[æœøłđðþı]/g, (letter) => LETTER_FOLDS[letter] ?? letter);
  return folded.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Collects the string and number values of the form data, in document order, into the address
 * or the form list by their field path. A plain recursion, because a generator per nested object
 * cost about 0.5 s of a 100,000-application sync.
 */
function collectFormValues(value: unknown, fieldPath: string, addressValues: string[], formValues: string[]): void {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = typeof value === 'string' ? value : String(value);
    if (typeof value === 'string' && text.trim() === '') return;

    const target = ADDRESS_PATH.test(fieldPath) ? addressValues : formValues;
    target.push(text.slice(0, MAX_FORM_VALUE_LENGTH));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectFormValues(item, fieldPath, addressValues, formValues);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      collectFormValues(child, fieldPath === '' ? key : `${fieldPath}.${key}`, addressValues, formValues);
    }
  }
}
