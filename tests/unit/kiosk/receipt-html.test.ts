// The printed receipt page: texts, umlauts, no personal data, and a QR code that reads back as the
// status page URL without the access code.
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import type { Receipt } from '../../../src-shared/index.ts';
import { QR_OPTIONS, renderReceiptHtml, statusPageUrl } from '../../../src-main/kiosk/receipt-html.ts';

const receipt: Receipt = {
  applicationId: '0b0f7c7e-4a53-4d7e-9a2a-000000000001',
  reference: 'SN-2026-000123',
  accessCode: 'K7QM4XW9TB2P',
  receivedAt: '2026-03-29T01:30:00.000Z',
  channel: 'kiosk',
  service: { id: 'urn:de:fim:leika:leistung:99000000000001', version: 2, name: 'Bewohnerparkausweis' },
  authority: { id: 'schwerin', name: 'Landeshauptstadt Schwerin', address: 'Am Packhof 2–6\n19053 Schwerin' },
  documents: [{ documentId: 'vehicle-registration-certificate', label: 'Fahrzeugschein (Zulassungsbescheinigung Teil I)', fileName: 'Fahrzeugschein_Beispielfrau.pdf' }],
  statusPath: '/status?ref=SN-2026-000123',
  nextSteps: 'Wir prüfen Ihre Angaben und schicken Ihnen den Bescheid.',
};

/** Reads the QR code's module matrix back from the PNG, sampling each module's centre. */
function modulesFromPng(dataUrl: string, size: number): boolean[] {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const modules: boolean[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const x = (column + QR_OPTIONS.margin) * QR_OPTIONS.scale + QR_OPTIONS.scale / 2;
      const y = (row + QR_OPTIONS.margin) * QR_OPTIONS.scale + QR_OPTIONS.scale / 2;
      modules.push(png.data[(y * png.width + x) * 4]! < 128);
    }
  }
  return modules;
}

describe('receipt page', () => {
  it('shows the receipt facts in German', async () => {
    const html = await renderReceiptHtml({ outcome: { kind: 'receipt', receipt }, paper: 'roll80mm', portalUrl: 'https://portal.example' });

    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('SN-2026-000123');
    expect(html).toContain('K7QM 4XW9 TB2P');
    expect(html).toContain('29.03.2026, 03:30 Uhr');
    expect(html).toContain('Bewohnerparkausweis');
    expect(html).toContain('Landeshauptstadt Schwerin');
    expect(html).toContain('Fahrzeugschein (Zulassungsbescheinigung Teil I)');
    expect(html).toContain('Wir prüfen Ihre Angaben');
    expect(html).toContain('Wie geht es weiter?');
    expect(html).toContain('size: 80mm auto');
  });

  it('shows the fee with its copies', async () => {
    const withFee = { ...receipt, fee: { unitCents: 500, quantity: 3, totalCents: 1500 } };
    const html = await renderReceiptHtml({ outcome: { kind: 'receipt', receipt: withFee }, paper: 'a4', portalUrl: 'https://portal.example' });

    expect(html).toContain('<dt>Gebühr</dt><dd>15,00\u00a0€ (3 × 5,00\u00a0€)</dd>');
  });

  it('names a zero fee and omits an unknown one', async () => {
    const free = { ...receipt, fee: { unitCents: 0, quantity: 1, totalCents: 0 } };
    const freeHtml = await renderReceiptHtml({ outcome: { kind: 'receipt', receipt: free }, paper: 'a4', portalUrl: 'https://portal.example' });
    const olderHtml = await renderReceiptHtml({ outcome: { kind: 'receipt', receipt }, paper: 'a4', portalUrl: 'https://portal.example' });

    expect(freeHtml).toContain('<dt>Gebühr</dt><dd>Keine Gebühr</dd>');
    expect(olderHtml).not.toContain('Gebühr');
  });

  it('leaves out file names and personal data', async () => {
    const html = await renderReceiptHtml({ outcome: { kind: 'receipt', receipt }, paper: 'a4', portalUrl: 'https://portal.example' });

    expect(html).not.toContain('Beispielfrau');
    expect(html).not.toContain('.pdf');
    expect(html).toContain('size: A4');
  });

  it('encodes the status URL in the QR code', async () => {
    const html = await renderReceiptHtml({ outcome: { kind: 'receipt', receipt }, paper: 'roll80mm', portalUrl: 'https://portal.example/' });
    const dataUrl = /src="(data:image\/png;base64,[^"]+)"/.exec(html)?.[1];
    const url = statusPageUrl('https://portal.example/', receipt.reference);

    expect(url).toBe('https://portal.example/status?ref=SN-2026-000123');
    expect(url).not.toContain(receipt.accessCode);
    expect(dataUrl).toBeDefined();

    const expected = QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
    const expectedModules = [...expected.modules.data].map((bit) => bit === 1);
    expect(modulesFromPng(dataUrl!, expected.modules.size)).toEqual(expectedModules);
  });

  it('escapes HTML in portal texts', async () => {
    const html = await renderReceiptHtml({ outcome: { kind: 'receipt', receipt: { ...receipt, nextSteps: '<script>x</script>' } }, paper: 'a4', portalUrl: 'https://portal.example' });

    expect(html).not.toContain('<script>x');
    expect(html).toContain('&#60;script&#62;');
  });

  it('prints a queued application without a QR code', async () => {
    const html = await renderReceiptHtml({
      outcome: { kind: 'queued', localReference: 'BT-20260329-7KQ3M9', queuedAt: '2026-03-29T10:00:00.000Z' },
      paper: 'roll80mm',
      portalUrl: 'https://portal.example',
      queued: { serviceName: 'Bewohnerparkausweis', documentLabels: ['Fahrzeugschein'] },
    });

    expect(html).toContain('BT-20260329-7KQ3M9');
    expect(html).toContain('wird übermittelt');
    expect(html).toContain('29.03.2026, 12:00 Uhr');
    expect(html).not.toContain('data:image/png');
  });
});
