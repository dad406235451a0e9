import { afterEach, describe, expect, it } from 'vitest';
import { germanSortKey } from '../../../src-main/clerk/cache/index.ts';
import { feedPage, makeApplication, openTempCache, upserts, type TempCache } from './helpers.ts';

const collator = new Intl.Collator('de');

// Invented names with the cases German lists get wrong most often: umlauts against their
// spelled-out forms, ß against ss, case, hyphens, apostrophes, spaces, accents from other
// languages, digits and letters that are not plain A to Z.
const TRICKY_NAMES = [
  'Müller', 'Mueller', 'Muller', 'MÜLLER', 'müller', 'Müllers', 'Mülleröhr',
  'Ärzte', 'Arzt', 'Aerzte', 'Azur', 'Ähre', 'Ahre', 'ahre', 'Äbi',
  'Öztürk', 'Oztürk', 'Özdemir', 'Oehler', 'Ohm', 'Ølsen', 'Olsen', 'Œuvre', 'Oeuvre',
  'Weiß', 'Weiss', 'Weis', 'Weiße', 'WEISS', 'Weißer', 'Weisz', 'Straße', 'Strasse', 'Straßburg',
  'de la Cruz', 'De La Cruz', 'Delacroix', 'del Mar', 'D’Angelo', "D'Angelo", 'Dangelo', 'D Angelo', 'D-Angelo',
  'Müller-Lüdenscheidt', 'Müller Lüdenscheidt', 'Müllerlüdenscheidt', 'Müller-Ludwig',
  'Émile', 'Emile', 'Èmile', 'Êmile', 'émile', 'Zoë', 'Zoe', 'Zoé',
  'Łukasz', 'Lukasz', 'Dvořák', 'Dvorak', 'Šimić', 'Simic', 'Çelik', 'Celik', 'Şahin', 'Sahin',
  'Ñúñez', 'Nunez', 'Øster', 'Åberg', 'Aberg', 'Æsir', 'Aesir', 'Ðorđević', 'Dordevic', 'Þórsson', 'Zyx',
  'Ivanović', 'Ivanovic', 'Iıldız', 'Yıldız', 'Yildiz', 'İnce', 'Ince',
  'Anna 2', 'Anna 10', 'Anna', 'anna', 'ANNA', 'Anna-Lena', 'Annalena', 'Anna Lena', 'Anna.Lena',
  'von Bülow', 'Von Bülow', 'vonBülow', 'Schmidt', 'Schmitt', 'Schmid', 'Schmied', 'Schäfer', 'Schafer', 'Schaefer',
];

/** Sorts by the stored key the way SQLite's BINARY collation does (UTF-8 byte order). */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(germanSortKey(a), 'utf8'), Buffer.from(germanSortKey(b), 'utf8'));
}

describe('germanSortKey', () => {
  it('orders tricky names like Intl.Collator de', () => {
    const expected = [...TRICKY_NAMES].sort(collator.compare);

    const actual = [...TRICKY_NAMES].sort(byteOrder);

    expect(actual).toEqual(expected);
  });

  it('agrees with Intl.Collator on every pair', () => {
    const disagreements: string[] = [];
    for (const a of TRICKY_NAMES) {
      for (const b of TRICKY_NAMES) {
        if (Math.sign(byteOrder(a, b)) !== Math.sign(collator.compare(a, b))) disagreements.push(`${a} / ${b}`);
      }
    }

    expect(disagreements).toEqual([]);
  });

  it('agrees on generated names', () => {
    // A fixed linear congruential generator keeps the cases the same on every run.
    const alphabet = [...'aAbeEosSzÄäöÖüÜßẞéèøØłŁæÆœŒ -\'.,19ıİþŋðđőçşñÑšŠžčćąęňřůýÿîàá’–_'];
    let seed = 20260329;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const word = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const a = word();
      const b = word();
      if (Math.sign(byteOrder(a, b)) !== Math.sign(collator.compare(a, b))) disagreements.push(`${JSON.stringify(a)} / ${JSON.stringify(b)}`);
    }

    expect(disagreements).toEqual([]);
  });

  it('puts Ä with A, not after Z', () => {
    const names = ['Zeller', 'Ärmel', 'Arm', 'Armut'];

    expect(names.sort(byteOrder)).toEqual(['Arm', 'Ärmel', 'Armut', 'Zeller']);
  });

  it('gives equal names equal keys', () => {
    expect(germanSortKey('Müller')).toBe(germanSortKey('Mu\u0308ller'));
  });
});

describe('applicant sort in SQLite', () => {
  let opened: TempCache;
  afterEach(() => opened.dispose());

  it('matches Intl.Collator de', () => {
    opened = openTempCache();
    const applications = TRICKY_NAMES.map((name, index) => makeApplication(index + 1, { applicantName: name }));
    opened.cache.applyFeedPage(feedPage(upserts(...applications)));

    const rows = opened.cache.queryInbox({}, { field: 'applicant', direction: 'asc' }, { limit: 1_000, offset: 0 }).rows;

    // Names that Intl.Collator calls equal do not occur in the list, so the order is unique.
    expect(rows.map((row) => row.applicantName)).toEqual([...TRICKY_NAMES].sort(collator.compare));
  });
});
