// Text folding for the full-text index and for what the clerk types into the search box. Both go
// through the same folding, so "müller", "MÜLLER" and "mueller" all become "mueller" and find
// Müller, and "weiss" finds Weiß. A change to the folding needs a migration that rebuilds the
// index, because the stored tokens would no longer match the folded input.
import type { Application } from '../../../src-shared/api.ts';

const GERMAN_FOLDS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const UMLAUT_DROPS: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };
const LETTER_FOLDS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

// Form values longer than this are cut before indexing, so a long free-text field cannot bloat the index.
const MAX_FORM_VALUE_LENGTH = 2_000;

// Form field keys whose values (and the values below them) go into the `address` column of the
// index. Searches cover all columns, so this split only labels the values.
const ADDRESS_KEY = /address|adresse|anschrift|street|strasse|postcode/i;

// A pasted paragraph would otherwise become one huge AND query.
const MAX_SEARCH_TERMS = 16;

// Any text without code points above U+007F.
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;

const HAS_UMLAUT = /[äöü]/;
const COMBINING_DIACRITIC = /[\u0300-\u036f]/;

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

  return stripDiacritics(spellOutGermanLetters(composeUmlauts(text).toLowerCase()));
}

/**
 * Composes a decomposed umlaut (u + U+0308) into ü, so that it is spelled out like ü. Text without
 * combining diacritical marks is returned as is: NFC costs time, and the NFD step of
 * stripDiacritics treats composed and decomposed text alike.
 */
function composeUmlauts(text: string): string {
  return COMBINING_DIACRITIC.test(text) ? text.normalize('NFC') : text;
}

/**
 * Folds text for the index. Words with umlauts are indexed twice, as "mueller" and as "muller",
 * so a clerk who leaves the umlaut off ("muller") finds the name as well. Only those words get
 * the second spelling: every extra token makes the index larger and the first sync slower.
 */
export function foldForIndex(text: string): string {
  return foldValuesForIndex([text]);
}

/**
 * Folds values for one column of the index, with the same result as foldForIndex of the values
 * joined with spaces. Each value is folded on its own, because most form values (e-mail
 * addresses, phone numbers, dates) are plain ASCII and only need lower case. Folded joined, one
 * umlaut anywhere sent the whole text through every step: 0.5 instead of 0.25 s of folding for
 * 100,000 applications on the 2-core VM.
 */
function foldValuesForIndex(values: readonly string[]): string {
  const spelledOut: string[] = [];
  const withoutUmlauts: string[] = [];

  for (const value of values) {
    if (ASCII_ONLY.test(value)) {
      spelledOut.push(value.toLowerCase());
      continue;
    }

    const lower = composeUmlauts(value).toLowerCase();
    spelledOut.push(stripDiacritics(spellOutGermanLetters(lower)));
    if (!HAS_UMLAUT.test(lower)) continue;

    // Split at spaces only: the tokenizer splits the rest, and a regular expression for words
    // cost more than the rest of the folding together.
    for (const word of lower.split(' ')) {
      if (HAS_UMLAUT.test(word)) withoutUmlauts.push(stripDiacritics(word.replace(/[äöüß]/g, (letter) => UMLAUT_DROPS[letter] ?? letter)));
    }
  }

  const folded = spelledOut.join(' ');
  return withoutUmlauts.length > 0 ? `${folded} ${withoutUmlauts.join(' ')}` : folded;
}

/** Builds the index row of an application: reference, applicant name, address and form values. */
export function searchDocument(application: Application): SearchDocument {
  const addressValues: string[] = [];
  const formValues: string[] = [];

  collectFormValues(application.formData, false, addressValues, formValues);

  // "SN-2026-000123" is indexed as its parts and as one token, so "SN2026000123" matches too.
  const compactReference = application.reference.replace(/[^A-Za-z0-9]/g, '');

  return {
    reference: foldValuesForIndex([application.reference, compactReference]),
    applicant: foldValuesForIndex([application.applicantName]),
    address: foldValuesForIndex(addressValues),
    form: foldValuesForIndex(formValues),
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

function spellOutGermanLetters(lower: string): string {
  return lower.replace(/[äöüß]/g, (letter) => GERMAN_FOLDS[letter] ?? letter);
}

function stripDiacritics(text: string): string {
  // German text is plain ASCII once its umlauts are spelled out, and NFD is the costly step.
  if (ASCII_ONLY.test(text)) return text;

  const folded = text.replace(/[æœøłđðþı]/g, (letter) => LETTER_FOLDS[letter] ?? letter);
  return folded.normalize('NFD').replace(/\p{M}/gu, '');
}

// Form field keys come from a few service schemas, so the result of the test is kept per key.
const addressKeys = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 10_000;

function isAddressKey(key: string): boolean {
  let isAddress = addressKeys.get(key);
  if (isAddress === undefined) {
    // A form with generated keys cannot grow the map without bound.
    if (addressKeys.size >= MAX_REMEMBERED_KEYS) addressKeys.clear();
    isAddress = ADDRESS_KEY.test(key);
    addressKeys.set(key, isAddress);
  }
  return isAddress;
}

/**
 * Collects the string and number values of the form data, in document order, into the address
 * or the form list. A value counts as address when a key on its path names one, e.g.
 * `applicant.address.postcode`. A plain recursion that carries that flag instead of the path,
 * because building path strings and generators cost about 0.5 s of a 100,000-application sync.
 */
function collectFormValues(value: unknown, inAddress: boolean, addressValues: string[], formValues: string[]): void {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = typeof value === 'string' ? value : String(value);
    if (typeof value === 'string' && text.trim() === '') return;

    const target = inAddress ? addressValues : formValues;
    target.push(text.slice(0, MAX_FORM_VALUE_LENGTH));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectFormValues(item, inAddress, addressValues, formValues);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      collectFormValues(child, inAddress || isAddressKey(key), addressValues, formValues);
    }
  }
}
