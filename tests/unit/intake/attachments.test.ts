import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AttachmentUpload, RequiredDocument } from '../../../src-shared/index.ts';
import { MAX_ATTACHMENTS } from '../../../src-shared/index.ts';
import {
  checkAttachments, detectMediaType, MAX_FILE_NAME_LENGTH, normaliseFileName, REPLY_DOCUMENT,
} from '../../../portal/src/intake/attachments.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

const registrationCertificate: RequiredDocument = {
  id: 'vehicle-registration-certificate',
  label: 'Fahrzeugschein',
  required: true,
  acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 10 * 1024 * 1024,
};
const sitePlan: RequiredDocument = { id: 'site-plan', label: 'Lageplan', required: false, acceptedTypes: ['application/pdf'], maxBytes: 1024 };

function upload(documentId: string, bytes: Buffer, fileName = 'scan.pdf', mediaType = 'application/pdf'): AttachmentUpload {
  return { documentId, fileName, mediaType, contentBase64: bytes.toString('base64') };
}

describe('checkAttachments', () => {
  it('accepts a PDF, JPEG and PNG and returns bytes, size and SHA-512', () => {
    const result = checkAttachments([registrationCertificate], [
      upload(registrationCertificate.id, PDF, 'Fahrzeugschein.pdf'),
      upload(registrationCertificate.id, JPEG, 'foto.jpg', 'image/jpeg'),
      upload(registrationCertificate.id, PNG, 'foto.png', 'image/png'),
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(result.files.map((file) => file.mediaType)).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(result.files[0]).toMatchObject({ documentId: registrationCertificate.id, fileName: 'Fahrzeugschein.pdf', size: PDF.length });
    expect(result.files[0]?.bytes.equals(PDF)).toBe(true);
    expect(result.files[0]?.sha512).toBe(createHash('sha512').update(PDF).digest('hex'));
  });

  it('detects the type by content, never by name or declared type', () => {
    const result = checkAttachments([registrationCertificate], [upload(registrationCertificate.id, PNG, 'scan.pdf', 'application/pdf')]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.files[0]?.mediaType).toBe('image/png');
    expect(result.files[0]?.fileName).toBe('scan.pdf.png');
  });

  it('rejects files that are not PDF, JPEG or PNG', () => {
    const executable = Buffer.from('MZ\x90\x00 this is not a document');
    const result = checkAttachments([registrationCertificate], [upload(registrationCertificate.id, executable, 'fahrzeugschein.pdf')]);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'attachments.0', message: 'Datei 1 („Fahrzeugschein“): Die Datei ist kein PDF, JPEG oder PNG.' }],
    });
  });

  it('rejects a type the document does not accept', () => {
    const result = checkAttachments([sitePlan], [upload(sitePlan.id, JPEG, 'plan.jpg', 'image/jpeg')]);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'attachments.0', message: 'Datei 1 („Lageplan“): Die Datei ist ein JPEG. Für diesen Nachweis sind nur diese Dateiarten erlaubt: PDF.' }],
    });
  });

  it('rejects files above the size limit', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const result = checkAttachments([registrationCertificate], [upload(registrationCertificate.id, big)]);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'attachments.0', message: 'Datei 1 („Fahrzeugschein“): Die Datei ist größer als 10 MB.' }],
    });
  });

  it('accepts a file of exactly the size limit and rejects one byte more', () => {
    const document = { ...sitePlan, maxBytes: 64 };
    const exact = Buffer.concat([PDF.subarray(0, 8), Buffer.alloc(56)]);
    expect(checkAttachments([document], [upload(document.id, exact)]).ok).toBe(true);
    const over = Buffer.concat([exact, Buffer.from([0])]);
    expect(checkAttachments([document], [upload(document.id, over)]).ok).toBe(false);
  });

  it('rejects invalid base64', () => {
    const valid = PDF.toString('base64');
    for (const contentBase64 of [`${valid.slice(0, -4)}!!!!`, `${valid.slice(0, 8)}\n${valid.slice(8)}`, valid.slice(0, -1), 'data:application/pdf;base64,JVBERi0=', 'JVBERi1=']) {
      const result = checkAttachments([registrationCertificate], [{ documentId: registrationCertificate.id, fileName: 'a.pdf', mediaType: 'application/pdf', contentBase64 }]);
      expect(result.ok, contentBase64.slice(0, 30)).toBe(false);
      if (!result.ok) expect(result.errors[0]?.message).toContain('Die Datei konnte nicht gelesen werden');
    }
  });

  it('rejects an empty file', () => {
    const result = checkAttachments([sitePlan], [{ documentId: sitePlan.id, fileName: 'leer.pdf', mediaType: 'application/pdf', contentBase64: '' }]);
    expect(result).toEqual({ ok: false, errors: [{ path: 'attachments.0', message: 'Datei 1 („Lageplan“): Die Datei ist leer.' }] });
  });

  it('rejects an unknown document id', () => {
    const result = checkAttachments([sitePlan], [upload('passport', PDF)]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.path).toBe('attachments.0');
      expect(result.errors[0]?.message).toContain('gehört zu keinem Nachweis dieser Leistung');
    }
  });

  it('reports a missing mandatory document unless told otherwise', () => {
    expect(checkAttachments([registrationCertificate, sitePlan], [])).toEqual({
      ok: false,
      errors: [{ path: 'documents.vehicle-registration-certificate', message: 'Bitte laden Sie „Fahrzeugschein“ hoch.' }],
    });
    expect(checkAttachments([registrationCertificate, sitePlan], [], { requireMandatory: false })).toEqual({ ok: true, files: [] });
    expect(checkAttachments([sitePlan], [])).toEqual({ ok: true, files: [] });
  });

  it('reports every problem at once, with the upload position', () => {
    const result = checkAttachments([registrationCertificate, sitePlan], [upload(sitePlan.id, PDF), upload(sitePlan.id, JPEG), upload('nope', PDF)]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.path)).toEqual(['attachments.1', 'attachments.2', 'documents.vehicle-registration-certificate']);
    }
  });

  it('rejects more files than the API allows', () => {
    const uploads = Array.from({ length: MAX_ATTACHMENTS + 1 }, () => upload(sitePlan.id, PDF));
    const result = checkAttachments([sitePlan], uploads);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toEqual({ path: 'attachments', message: `Sie können höchstens ${MAX_ATTACHMENTS} Dateien mitschicken.` });
  });

  it('accepts reply files through REPLY_DOCUMENT', () => {
    expect(REPLY_DOCUMENT).toMatchObject({ id: 'reply', required: false, maxBytes: 10 * 1024 * 1024 });
    const result = checkAttachments([REPLY_DOCUMENT], [upload('reply', JPEG, 'nachweis.jpeg', 'image/jpeg')]);
    expect(result.ok).toBe(true);
  });
});

describe('detectMediaType', () => {
  it('reads magic bytes', () => {
    expect(detectMediaType(PDF)).toBe('application/pdf');
    expect(detectMediaType(JPEG)).toBe('image/jpeg');
    expect(detectMediaType(PNG)).toBe('image/png');
    expect(detectMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectMediaType(Buffer.from('%PD'))).toBeNull();
    expect(detectMediaType(new Uint8Array())).toBeNull();
  });
});

describe('normaliseFileName', () => {
  it('keeps ordinary German names and converts them to NFC', () => {
    expect(normaliseFileName('Fahrzeugschein Müller.pdf')).toBe('Fahrzeugschein Müller.pdf');
    expect(normaliseFileName('Gru\u0308n.pdf')).toBe('Grün.pdf');
    expect(normaliseFileName('Grün.pdf')).toBe('Gr\u00fcn.pdf');
  });

  it('strips path parts with either separator', () => {
    expect(normaliseFileName('../../etc/passwd')).toBe('passwd');
    expect(normaliseFileName('C:\\Users\\jürgen\\Desktop\\scan.pdf')).toBe('scan.pdf');
    expect(normaliseFileName('ordner/unter\\datei.png')).toBe('datei.png');
  });

  it('removes control and bidi characters and replaces reserved ones', () => {
    expect(normaliseFileName('scan\u0000\u0007\n.pdf')).toBe('scan.pdf');
    expect(normaliseFileName('rechnung\u202egnp.exe')).toBe('rechnunggnp.exe');
    expect(normaliseFileName('a<b>:c"d|e?f*.pdf')).toBe('a_b__c_d_e_f_.pdf');
  });

  it('removes leading dots and trailing dots and spaces', () => {
    expect(normaliseFileName('.bashrc')).toBe('bashrc');
    expect(normaliseFileName('scan.pdf. . ')).toBe('scan.pdf');
  });

  it('defuses Windows device names', () => {
    expect(normaliseFileName('CON.pdf')).toBe('_CON.pdf');
    expect(normaliseFileName('lpt1')).toBe('_lpt1');
  });

  it('caps the length and keeps the extension', () => {
    const name = normaliseFileName(`${'ä'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('ä.pdf')).toBe(true);
    const emoji = normaliseFileName('😀'.repeat(200));
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.isWellFormed()).toBe(true);
  });

  it('falls back to a German name when nothing is left', () => {
    expect(normaliseFileName('')).toBe('Dokument');
    expect(normaliseFileName('../')).toBe('Dokument');
    expect(normaliseFileName(' \u0000 ... ')).toBe('Dokument');
  });

  it('gives a nameless upload the extension of its type', () => {
    const result = checkAttachments([sitePlan], [upload(sitePlan.id, PDF, '\u0000')]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.files[0]?.fileName).toBe('Dokument.pdf');
  });
});
