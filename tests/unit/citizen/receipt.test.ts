import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../src-shared/index.ts';
import { translatorFor } from '../../../src-renderer/citizen/i18n/messages.ts';
import { buildReceiptView, formatBerlinDateTime, groupAccessCode } from '../../../src-renderer/citizen/receipt/format.ts';

const RECEIPT: Receipt = {
  applicationId: '0b0f7c7e-4a53-4d7e-9a2a-6f1f7c0d9a11',
  reference: 'SN-2026-000123',
  accessCode: 'K7QM-4XW9-TB2P',
  receivedAt: '2026-03-29T01:30:00.000Z',
  channel: 'kiosk',
  service: { id: 'urn:de:fim:leika:leistung:99000000000001', version: 2, name: 'Bewohnerparkausweis' },
  authority: { id: 'schwerin', name: 'Landeshauptstadt Schwerin', address: 'Am Packhof 2–6\n19053 Schwerin' },
  documents: [{ documentId: 'vehicle-registration-certificate', label: 'Fahrzeugschein', fileName: 'fahrzeugschein.pdf' }],
  statusPath: '/status?reference=SN-2026-000123',
  nextSteps: 'Wir prüfen Ihren Antrag und melden uns innerhalb von 14 Tagen.',
};

function row(view: ReturnType<typeof buildReceiptView>, id: string) {
  return view.rows.find((candidate) => candidate.id === id);
}

describe('receipt formatting', () => {
  it('shows times in Europe/Berlin across the daylight saving change', () => {
    // 01:30 UTC on 29 March 2026 is 03:30 summer time; one hour earlier it is 01:30 winter time.
    expect(formatBerlinDateTime('2026-03-29T01:30:00Z', 'de')).toBe('29.03.2026, 03:30');
    expect(formatBerlinDateTime('2026-03-29T00:30:00Z', 'de')).toBe('29.03.2026, 01:30');
    expect(formatBerlinDateTime('2026-12-31T23:30:00Z', 'de')).toBe('01.01.2027, 00:30');
  });

  it('uses Latin digits for Arabic', () => {
    expect(formatBerlinDateTime('2026-03-29T01:30:00Z', 'ar')).toMatch(/29.*03.*2026.*03:30/);
  });

  it('groups the access code in blocks of four', () => {
    expect(groupAccessCode('K7QM4XW9TB2P')).toBe('K7QM-4XW9-TB2P');
    expect(groupAccessCode('70R7-1AQQ-555F')).toBe('70R7-1AQQ-555F');
    expect(groupAccessCode(' 70r7 1aqq ')).toBe('70r7-1aqq');
    expect(groupAccessCode('ABCDE')).toBe('ABCD-E');
  });

  it('lists reference, access code, time, service, authority and documents', () => {
    const view = buildReceiptView({ kind: 'receipt', receipt: RECEIPT }, 'de', translatorFor('de'), { serviceName: '', documents: [] });

    expect(view.heading).toBe('Ihr Antrag ist eingegangen');
    expect(view.rows.map((entry) => entry.id)).toEqual(['reference', 'accessCode', 'receivedAt', 'service', 'authority', 'documents']);
    expect(row(view, 'reference')?.lines).toEqual(['SN-2026-000123']);
    expect(row(view, 'accessCode')?.lines).toEqual(['K7QM-4XW9-TB2P']);
    expect(row(view, 'receivedAt')?.lines).toEqual(['29.03.2026, 03:30']);
    expect(row(view, 'authority')?.lines).toEqual(['Landeshauptstadt Schwerin', 'Am Packhof 2–6', '19053 Schwerin']);
    expect(row(view, 'documents')?.lines).toEqual(['Fahrzeugschein: fahrzeugschein.pdf']);
    expect(view.nextSteps).toBe(RECEIPT.nextSteps);
    expect(view.statusPath).toBe('/status?reference=SN-2026-000123');
  });

  it('shows the fee after the service in the citizen language', () => {
    const withFee = { ...RECEIPT, fee: { unitCents: 1000, quantity: 2, totalCents: 2000 } };
    const german = buildReceiptView({ kind: 'receipt', receipt: withFee }, 'de', translatorFor('de'), { serviceName: '', documents: [] });
    const english = buildReceiptView({ kind: 'receipt', receipt: withFee }, 'en', translatorFor('en'), { serviceName: '', documents: [] });

    expect(german.rows.map((entry) => entry.id)).toEqual(['reference', 'accessCode', 'receivedAt', 'service', 'fee', 'authority', 'documents']);
    expect(row(german, 'fee')).toEqual({ id: 'fee', label: 'Gebühr', lines: ['20,00\u00a0€ (2 × 10,00\u00a0€)'] });
    expect(row(english, 'fee')?.label).toBe('Fee');
    expect(row(english, 'fee')?.lines).toEqual(['€20.00 (2 × €10.00)']);
  });

  it('never puts the access code into the status path', () => {
    const view = buildReceiptView({ kind: 'receipt', receipt: RECEIPT }, 'de', translatorFor('de'), { serviceName: '', documents: [] });
    expect(view.statusPath).not.toContain(RECEIPT.accessCode);
  });

  it('labels rows in the citizen language', () => {
    const view = buildReceiptView({ kind: 'receipt', receipt: { ...RECEIPT, documents: [] } }, 'en', translatorFor('en'), { serviceName: '', documents: [] });
    expect(row(view, 'reference')?.label).toBe('Reference number');
    expect(row(view, 'documents')?.lines).toEqual(['None']);
  });

  it('shows a queued kiosk application with its local reference', () => {
    const view = buildReceiptView(
      { kind: 'queued', localReference: 'KIOSK-7F3A', queuedAt: '2026-07-01T08:15:00Z' },
      'de',
      translatorFor('de'),
      { serviceName: 'Anzeige einer Veranstaltung', documents: [{ label: 'Lageplan', fileName: 'plan.png' }] },
    );

    expect(view.heading).toBe('Ihr Antrag ist gespeichert');
    expect(view.rows.map((entry) => entry.id)).toEqual(['localReference', 'savedAt', 'service', 'documents']);
    expect(row(view, 'savedAt')?.lines).toEqual(['01.07.2026, 10:15']);
    expect(row(view, 'documents')?.lines).toEqual(['Lageplan: plan.png']);
    expect(view.statusPath).toBeNull();
  });
});
