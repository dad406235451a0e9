// Sort key that orders names the way Intl.Collator('de') does (ICU/CLDR root collation, which German
// uses unchanged: Ä sorts with A, ß with ss). better-sqlite3 cannot register custom collations, so
// the cache stores this key in a column and sorts with SQLite's byte-wise BINARY comparison.
//
// The key imitates ICU's three levels. Every character becomes collation elements with a primary
// weight (the letter), a secondary weight (diacritics) and a tertiary weight (case). The key is all
// primary weights, a separator, all secondary weights, a separator and all tertiary weights, so
// two keys compare like ICU compares the strings: letters first, accents next, case last.
//
// All weights are code points below U+0080, so UTF-8 byte order (SQLite BINARY) and UTF-16 order
// (JavaScript `<`) agree on them. Keys are stored, so a change to the weights needs a migration
// that recomputes applications.applicant_sort_key.

const LEVEL_SEPARATOR = '\u0001';

// Spaces and punctuation are not ignorable in CLDR collation and sort before digits, in this order
// (taken from Intl.Collator('de') in Node 24). Each string is one primary weight, from U+0002
// upwards. Within a string, ICU distinguishes the quotation marks at the secondary level and the
// no-break space and non-breaking hyphen at the tertiary level.
const SYMBOL_GROUPS = [
  ' \u00a0', '_', '-', '\u2010\u2011', '\u2013', '\u2014', ',', ';', ':', '!', '?', '.', '\u00b7',
  '\'\u2018\u2019', '"\u201c\u201d\u201e', '\u00ab', '\u00bb', '(', ')', '[', ']', '{', '}', '@', '*',
  '/', '\\', '&', '#', '%', '`', '\u00b4', '^', '+', '<', '=', '>', '|', '~', '$',
];
const TERTIARY_VARIANT_GROUPS = new Set([' \u00a0', '\u2010\u2011']);

// Digits map to U+0030 to U+0039, above the last symbol group.
const DIGIT_BASE = 0x30;

// Letters with their own primary weight in CLDR root, in alphabetical order; they map to U+0040 and
// upwards. Dotless ı, kra, eng and thorn follow i, q, n and z.
const LETTER_ORDER = 'abcdefghiıjklmnŋopqĸrstuvwxyzþ';
const LETTER_BASE = 0x40;

// Secondary weights of combining marks, in CLDR order. The stroke of ø, ł and đ and the eth are
// secondary differences of o, l and d; ß and æ/œ carry a secondary difference of their expansion.
const SECONDARY_ORDER = [
  'common',
  '\u0301', // acute
  '\u0300', // grave
  '\u0306', // breve
  '\u0302', // circumflex
  '\u030c', // caron
  '\u030a', // ring above
  '\u0308', // diaeresis
  '\u030b', // double acute
  '\u0303', // tilde
  '\u0307', // dot above
  '\u0327', // cedilla
  'stroke',
  '\u0328', // ogonek
  '\u0304', // macron
  '\u0309', // hook above
  '\u031b', // horn
  '\u0323', // dot below
  '\u0326', // comma below
  '\u0331', // macron below
  'eth',
  'ligature',
  'sharp-s',
  'unknown',
] as const;

type SecondaryMark = (typeof SECONDARY_ORDER)[number];

const TERTIARY_LOWER = '\u0002';
const TERTIARY_UPPER = '\u0003';
const TERTIARY_VARIANT_BASE = 0x04;

interface CollationElement {
  /** Empty for combining marks, which only add a secondary weight. */
  primary: string;
  secondary: string;
  tertiary: string;
}

/** Letters that CLDR treats as a base letter plus a secondary difference, or as an expansion. */
const SPECIAL_LETTERS: Record<string, { base: string; mark: SecondaryMark }> = {
  ø: { base: 'o', mark: 'stroke' },
  ł: { base: 'l', mark: 'stroke' },
  đ: { base: 'd', mark: 'stroke' },
  ð: { base: 'd', mark: 'eth' },
  æ: { base: 'ae', mark: 'ligature' },
  œ: { base: 'oe', mark: 'ligature' },
  ß: { base: 'ss', mark: 'sharp-s' },
};

/** Builds the German sort key of a name; names that Intl.Collator('de') calls equal get equal keys. */
export function germanSortKey(name: string): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';

  // NFD splits ä into a + combining diaeresis, which is how ICU weighs it too.
  for (const character of name.normalize('NFD')) {
    const weights = characterWeights(character);
    primary += weights.primary;
    secondary += weights.secondary;
    tertiary += weights.tertiary;
  }

  return primary + LEVEL_SEPARATOR + secondary + LEVEL_SEPARATOR + tertiary;
}

// The weights of each character's collation elements, joined per level and filled on first use.
// Names typically use a few hundred distinct characters, so the map stays small. Appending three
// cached strings per character takes about half the time of collecting element objects and
// joining them (0.08 to 0.13 instead of 0.15 to 0.26 s for the names of 100,000 applications).
const weightsByCharacter = new Map<string, CollationElement>();

function characterWeights(character: string): CollationElement {
  let weights = weightsByCharacter.get(character);
  if (!weights) {
    const elements = characterElements(character);
    weights = {
      primary: elements.map((element) => element.primary).join(''),
      secondary: elements.map((element) => element.secondary).join(''),
      tertiary: elements.map((element) => element.tertiary).join(''),
    };
    weightsByCharacter.set(character, weights);
  }
  return weights;
}

function characterElements(character: string): CollationElement[] {
  if (/\p{M}/u.test(character)) {
    return [{ primary: '', secondary: secondaryWeight(markOf(character)), tertiary: TERTIARY_LOWER }];
  }

  const lower = character.toLowerCase();
  const tertiary = lower === character ? TERTIARY_LOWER : TERTIARY_UPPER;

  const special = SPECIAL_LETTERS[lower];
  if (special) return specialLetterElements(character, special.base, special.mark, tertiary);

  const symbol = symbolElement(character);
  if (symbol) return [symbol];

  return [{ primary: primaryWeight(lower), secondary: secondaryWeight('common'), tertiary }];
}

/**
 * Weighs ø, ß, æ and their relatives: each base letter gets the common secondary weight and the
 * letter's own mark follows the first one, so that ß sorts after ss and after every accented ss.
 */
function specialLetterElements(character: string, base: string, mark: SecondaryMark, tertiary: string): CollationElement[] {
  // Capital ẞ lowercases to ß but sorts after it, like any upper-case letter after its lower case.
  const caseWeight = character === 'ß' ? TERTIARY_LOWER : tertiary;
  const elements: CollationElement[] = [];

  [...base].forEach((letter, index) => {
    elements.push({ primary: primaryWeight(letter), secondary: secondaryWeight('common'), tertiary: caseWeight });
    if (index === 0) elements.push({ primary: '', secondary: secondaryWeight(mark), tertiary: TERTIARY_LOWER });
  });

  return elements;
}

function symbolElement(character: string): CollationElement | null {
  const groupIndex = SYMBOL_GROUPS.findIndex((group) => group.includes(character));
  if (groupIndex < 0) return null;

  const group = SYMBOL_GROUPS[groupIndex] ?? '';
  const variant = group.indexOf(character);
  const primary = String.fromCharCode(0x02 + groupIndex);

  if (TERTIARY_VARIANT_GROUPS.has(group)) {
    return { primary, secondary: secondaryWeight('common'), tertiary: String.fromCharCode(TERTIARY_VARIANT_BASE + variant) };
  }
  return { primary, secondary: String.fromCharCode(0x02 + variant), tertiary: TERTIARY_LOWER };
}

function primaryWeight(lower: string): string {
  if (lower >= '0' && lower <= '9') return String.fromCharCode(DIGIT_BASE + Number(lower));

  const letterIndex = LETTER_ORDER.indexOf(lower);
  if (letterIndex >= 0) return String.fromCharCode(LETTER_BASE + letterIndex);

  // NOTE: characters outside the Latin letters and the symbols above (Greek, Cyrillic, emoji, rare
  // symbols) sort by code point after all Latin letters, which approximates ICU only roughly.
  // Other characters below U+0080 are control characters; they would collide with the weights
  // above, so they are left out of the key.
  return lower.charCodeAt(0) < 0x80 ? '' : lower;
}

function markOf(character: string): SecondaryMark {
  return (SECONDARY_ORDER as readonly string[]).includes(character) ? (character as SecondaryMark) : 'unknown';
}

function secondaryWeight(mark: SecondaryMark): string {
  return String.fromCharCode(0x02 + SECONDARY_ORDER.indexOf(mark));
}
