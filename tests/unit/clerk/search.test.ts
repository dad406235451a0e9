import { afterEach, describe, expect, it } from 'vitest';
import type { Application } from '../../../src-shared/api.ts';
import { foldForSearch, searchMatchExpression, type InboxFilter } from '../../../src-main/clerk/cache/index.ts';
import { foldForIndex, searchDocument } from '../../../src-main/clerk/cache/search-text.ts';
import { feedPage, makeApplication, openTempCache, upserts, type TempCache } from './helpers.ts';

let opened: TempCache;
afterEach(() => opened.dispose());

function address(street: string, postcode: string, city: string) {
  return { applicant: { address: { street, postcode, city } } };
}

const APPLICATIONS: Application[] = [
  makeApplication(1, { applicantName: 'Jürgen Müller', formData: address('Schloßstraße 4', '19053', 'Schwerin') }),
  makeApplication(2, { applicantName: 'Helga Weiß', formData: address('Am Markt 1', '19288', 'Ludwigslust') }),
  makeApplication(3, { applicantName: 'Tomasz Mueller', formData: address('Lindenweg 7', '19306', 'Neustadt-Glewe') }),
  makeApplication(4, {
    applicantName: 'Renée Åkesson',
    status: 'accepted',
    formData: { ...address('Grüne Straße 12', '19300', 'Grabow'), dog: { name: 'Bello (AND) "Wuff"', breed: 'Dackel' } },
  }),
  makeApplication(5, { applicantName: 'Ole Weiss', status: 'accepted', formData: address('Weißer Weg 9', '19053', 'Schwerin') }),
];

function search(text: string, filter: InboxFilter = {}): string[] {
  return opened.cache
    .queryInbox({ ...filter, search: text }, { field: 'received', direction: 'asc' }, { limit: 100, offset: 0 })
    .rows.map((row) => row.reference.slice(-1));
}

function openSearchCache(): void {
  opened = openTempCache();
  opened.cache.applyFeedPage(feedPage(upserts(...APPLICATIONS)));
}

describe('search', () => {
  it('finds Müller however it is typed', () => {
    openSearchCache();

    // Mueller (3) is spelled that way, so every spelling of Müller finds it too.
    for (const input of ['müller', 'MÜLLER', 'Müller', 'mueller', 'MUELLER', 'Mu\u0308ller']) {
      expect(search(input), input).toEqual(['1', '3']);
    }
  });

  it('finds Müller without umlaut', () => {
    openSearchCache();

    expect(search('muller')).toEqual(['1']);
  });

  it('finds Weiß with ss', () => {
    openSearchCache();

    expect(search('weiss')).toEqual(['2', '5']);
    expect(search('Weiß')).toEqual(['2', '5']);
    expect(search('WEISS')).toEqual(['2', '5']);
  });

  it('finds by prefix while typing', () => {
    openSearchCache();

    expect(search('mül')).toEqual(['1', '3']);
    // "Am Markt" is in the address of application 2.
    expect(search('M')).toEqual(['1', '2', '3']);
    expect(search('jür mül')).toEqual(['1']);
    expect(search('ake')).toEqual(['4']);
    expect(search('rene')).toEqual(['4']);
  });

  it('finds by reference', () => {
    openSearchCache();

    expect(search('SN-2026-000004')).toEqual(['4']);
    expect(search('sn2026000004')).toEqual(['4']);
    expect(search('000002')).toEqual(['2']);
  });

  it('finds by address and form values', () => {
    openSearchCache();

    expect(search('Schlossstrasse')).toEqual(['1']);
    expect(search('schloßstr')).toEqual(['1']);
    expect(search('19053')).toEqual(['1', '5']);
    expect(search('neustadt glewe')).toEqual(['3']);
    expect(search('Dackel')).toEqual(['4']);
    expect(search('grüne')).toEqual(['4']);
  });

  it('finds nothing for unknown words', () => {
    openSearchCache();

    expect(search('Zimmermann')).toEqual([]);
  });

  it('combines with filters', () => {
    openSearchCache();

    expect(search('weiss', { statuses: ['accepted'] })).toEqual(['5']);
    expect(search('schwerin', { statuses: ['submitted'] })).toEqual(['1']);

    const page = opened.cache.queryInbox({ search: 'weiss', statuses: ['submitted'] }, { field: 'received', direction: 'asc' }, { limit: 100, offset: 0 });
    expect(page.total).toBe(1);
  });

  it('treats FTS syntax as text', () => {
    openSearchCache();
    const hostile = [
      '"', '""', '"müller', 'müller"', '*', '**', 'mül*', '-', '-müller', 'müller -weiss', 'AND', 'OR', 'NOT',
      'müller AND', 'AND müller', 'müller OR weiss', 'NEAR(müller weiss)', '(', ')', '((müller', 'müller)',
      'applicant:müller', '{applicant}: weiss', '^müller', 'müller + weiss', "'; DROP TABLE applications; --",
      '\u0000', '\\', '%', '_', ':', '   ', '', 'ü'.repeat(5_000), 'a b c d e f g h i j k l m n o p q r s t',
    ];

    for (const input of hostile) {
      expect(() => search(input), JSON.stringify(input.slice(0, 40))).not.toThrow();
    }

    // The words in the input still count: quotes and operators around them do not.
    expect(search('"müller')).toEqual(['1', '3']);
    expect(search('((müller')).toEqual(['1', '3']);
    expect(search('-müller')).toEqual(['1', '3']);
    expect(search('müller AND')).toEqual([]);
    expect(search('Bello (AND) "Wuff"')).toEqual(['4']);
    expect(opened.cache.queryInbox({}, { field: 'received', direction: 'asc' }, { limit: 100, offset: 0 }).total).toBe(5);
  });

  it('without words shows the filtered list', () => {
    openSearchCache();

    expect(search('   ')).toEqual(['1', '2', '3', '4', '5']);
    expect(search('"*"', { statuses: ['accepted'] })).toEqual(['4', '5']);
  });
});

describe('search folding', () => {
  it('spells out umlauts and ß', () => {
    expect(foldForSearch('MÜLLER Weiß Öl Ähre')).toBe('mueller weiss oel aehre');
    expect(foldForSearch('Renée Łukasz Øster')).toBe('renee lukasz oster');
  });

  it('quotes every word as prefix', () => {
    expect(searchMatchExpression('Mül "x" AND')).toBe('"muel"* "x"* "and"*');
    expect(searchMatchExpression('-- ** ()')).toBeNull();
  });

  it('indexes umlaut words a second time without the umlaut', () => {
    expect(foldForIndex('Jörn Kühnbrück-Straße 5')).toBe('joern kuehnbrueck-strasse 5 jorn kuhnbruck-strasse');
  });

  it('folds form values one by one as it would fold them joined', () => {
    // Plain ASCII values, umlauts, other diacritics, a decomposed ü, typographic quotes and a
    // final sigma, so that every step of the folding gets the values one by one.
    const values = ['svenja@example.org', 'Straßenfest „Lindenallee“', '+49 163 90656528', 'Zoë Noël', 'Mu\u0308hle', 'ΟΔΟΣ', ' Äpfel ', '2027-04-03'];
    const application = makeApplication(1, { formData: { event: { name: values[1], notes: values.slice(3, 7) }, contact: values[0], phone: values[2], date: values[7] } });

    const form = ['Straßenfest „Lindenallee“', 'Zoë Noël', 'Mu\u0308hle', 'ΟΔΟΣ', ' Äpfel ', 'svenja@example.org', '+49 163 90656528', '2027-04-03'];
    expect(searchDocument(application).form).toBe(foldForIndex(form.join(' ')));
  });
});
