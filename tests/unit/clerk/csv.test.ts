import { afterEach, describe, expect, it } from 'vitest';
import { csvCell, exportInboxCsv, formatInboxCsv } from '../../../src-main/clerk/export/csv.ts';
import type { InboxRow } from '../../../src-main/clerk/cache/index.ts';
import { USER_ID, feedPage, makeApplication, openTempCache, upserts, type TempCache } from './helpers.ts';

const HEADER_LINE = 'Aktenzeichen;Leistung;Antragsteller:in;Eingegangen;Frist;Status;Zuständig';

function row(overrides: Partial<InboxRow> = {}): InboxRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    reference: 'SN-2026-000001',
    version: 1,
    status: 'in_progress',
    serviceId: 'urn:de:fim:leika:leistung:99050012104000',
    serviceName: 'Bewohnerparkausweis',
    channel: 'online',
    applicantName: 'Jürgen Müller',
    receivedAt: '2026-03-02T09:00:00.000Z',
    deadline: '2026-04-01',
    assigneeId: USER_ID,
    followUp: null,
    needsAttention: false,
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

describe('formatInboxCsv', () => {
  it('writes BOM, German headers and CRLF', () => {
    const csv = formatInboxCsv([row()], { assigneeName: (id) => (id === USER_ID ? 'Petra Sachbearbeiterin' : undefined) });

    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe(
      '\uFEFF' +
        `${HEADER_LINE}\r\n` +
        'SN-2026-000001;Bewohnerparkausweis;Jürgen Müller;02.03.2026;01.04.2026;In Bearbeitung;Petra Sachbearbeiterin\r\n',
    );
  });

  it('encodes as UTF-8 with BOM bytes', () => {
    const bytes = Buffer.from(formatInboxCsv([]), 'utf8');

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(`${HEADER_LINE}\r\n`);
  });

  it('uses the Berlin date of the received instant', () => {
    // 23:30 UTC on 28 March is 00:30 on 29 March in Berlin; 22:30 UTC on 25 October is 23:30 CET.
    const csv = formatInboxCsv([
      row({ receivedAt: '2026-03-28T23:30:00.000Z' }),
      row({ receivedAt: '2026-10-25T22:30:00.000Z' }),
    ]);

    const received = csv.split('\r\n').slice(1, 3).map((line) => line.split(';')[3]);
    expect(received).toEqual(['29.03.2026', '25.10.2026']);
  });

  it('leaves unassigned empty and falls back to the id', () => {
    const csv = formatInboxCsv([row({ assigneeId: null }), row({ assigneeId: 'u-unknown' })], { assigneeName: () => undefined });

    const assignees = csv.split('\r\n').slice(1, 3).map((line) => line.split(';')[6]);
    expect(assignees).toEqual(['', 'u-unknown']);
  });

  it('writes German status labels', () => {
    const csv = formatInboxCsv([row({ status: 'action_required' }), row({ status: 'approved' })]);

    expect(csv).toContain(';Rückfrage an Sie;');
    expect(csv).toContain(';Bewilligt;');
  });
});

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Jürgen Müller')).toBe('Jürgen Müller');
    expect(csvCell('')).toBe('');
    expect(csvCell('SN-2026-000001')).toBe('SN-2026-000001');
  });

  it('quotes separator, quotes and line breaks', () => {
    expect(csvCell('Müller; Jürgen')).toBe('"Müller; Jürgen"');
    expect(csvCell('Der "Chef"')).toBe('"Der ""Chef"""');
    expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell('Zeile 1\r\nZeile 2')).toBe('"Zeile 1\r\nZeile 2"');
  });

  it('neutralises formula starts', () => {
    expect(csvCell('=HYPERLINK("http://example.invalid","klick")')).toBe('"\'=HYPERLINK(""http://example.invalid"",""klick"")"');
    expect(csvCell('+49 385 123')).toBe("'+49 385 123");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
  });

  it('keeps formula characters inside a value', () => {
    expect(csvCell('Meier-Schulz')).toBe('Meier-Schulz');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('exportInboxCsv', () => {
  let opened: TempCache;
  afterEach(() => opened.dispose());

  it('exports the whole filtered list in order', () => {
    opened = openTempCache();
    const applications = Array.from({ length: 2_500 }, (_, index) =>
      makeApplication(index + 1, { status: index % 2 === 0 ? 'submitted' : 'accepted', applicantName: `=Person ${index + 1}` }),
    );
    opened.cache.applyFeedPage(feedPage(upserts(...applications)));

    const csv = exportInboxCsv(opened.cache, { statuses: ['accepted'] }, { field: 'deadline', direction: 'asc' });
    const lines = csv.slice(1).split('\r\n');

    expect(lines[0]).toBe(HEADER_LINE);
    // 1,250 accepted applications, the header and the empty string after the last CRLF.
    expect(lines).toHaveLength(1_252);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe("SN-2026-000002;Bewohnerparkausweis;'=Person 2;02.03.2026;01.04.2026;Angenommen;");
    expect(lines.slice(1, -1).every((line) => line.includes(';Angenommen;'))).toBe(true);
  });
});
