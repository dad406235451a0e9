import { describe, expect, it } from 'vitest';
import type { RequiredDocument } from '../../../src-shared/index.ts';
import { base64Prefix, bytesToBase64 } from '../../../src-renderer/citizen/attachments/base64.ts';
import {
  acceptAttribute, checkCandidateFile, checkFileContent, declaredMediaType, formatFileSize, sniffMediaType,
} from '../../../src-renderer/citizen/attachments/check.ts';
import { translate } from '../../../src-renderer/citizen/i18n/messages.ts';

const DOCUMENT: RequiredDocument = {
  id: 'vehicle-registration-certificate',
  label: 'Fahrzeugschein',
  required: true,
  acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 10 * 1024 * 1024,
};
const PDF_ONLY: RequiredDocument = { ...DOCUMENT, id: 'site-plan', acceptedTypes: ['application/pdf'] };

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('attachment checks before upload', () => {
  it('accepts a file of an accepted type within the limit', () => {
    expect(checkCandidateFile({ name: 'schein.pdf', type: 'application/pdf', size: 200_000 }, DOCUMENT, 0)).toBeNull();
  });

  it('rejects a type the document does not accept, with a German message', () => {
    const issue = checkCandidateFile({ name: 'schein.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 }, DOCUMENT, 0);
    expect(issue?.key).toBe('documents.wrongType');
    expect(translate('de', issue!.key, issue!.params)).toBe('Die Datei „schein.docx“ hat ein Format, das hier nicht erlaubt ist. Erlaubt sind: PDF, JPEG, PNG.');
  });

  it('rejects an image where only PDF is accepted', () => {
    expect(checkCandidateFile({ name: 'plan.png', type: 'image/png', size: 1000 }, PDF_ONLY, 0)?.key).toBe('documents.wrongType');
  });

  it('rejects a file over the size limit and names both sizes', () => {
    const issue = checkCandidateFile({ name: 'scan.jpg', type: 'image/jpeg', size: 12 * 1024 * 1024 }, DOCUMENT, 0);
    expect(issue?.key).toBe('documents.tooLarge');
    expect(translate('de', issue!.key, issue!.params)).toBe('Die Datei „scan.jpg“ ist zu groß (12 MB). Erlaubt sind höchstens 10 MB.');
  });

  it('accepts a file of exactly the maximum size', () => {
    expect(checkCandidateFile({ name: 'scan.jpg', type: 'image/jpeg', size: DOCUMENT.maxBytes }, DOCUMENT, 0)).toBeNull();
  });

  it('rejects an empty file', () => {
    expect(checkCandidateFile({ name: 'leer.pdf', type: 'application/pdf', size: 0 }, DOCUMENT, 0)?.key).toBe('documents.emptyFile');
  });

  it('rejects a file beyond the maximum number of attachments', () => {
    expect(checkCandidateFile({ name: 'a.pdf', type: 'application/pdf', size: 10 }, DOCUMENT, 20)).toEqual({ key: 'documents.tooMany', params: { max: 20 } });
    expect(checkCandidateFile({ name: 'a.pdf', type: 'application/pdf', size: 10 }, DOCUMENT, 19)).toBeNull();
  });

  it('falls back to the extension when the browser reports no type', () => {
    expect(declaredMediaType({ name: 'FOTO.JPEG', type: '', size: 1 })).toBe('image/jpeg');
    expect(declaredMediaType({ name: 'notes', type: '', size: 1 })).toBe('');
    expect(checkCandidateFile({ name: 'notes', type: '', size: 10 }, DOCUMENT, 0)?.key).toBe('documents.wrongType');
  });

  it('offers media types and extensions to the file input', () => {
    expect(acceptAttribute(PDF_ONLY)).toBe('application/pdf,.pdf');
  });

  it('formats sizes in the citizen language', () => {
    expect(formatFileSize(1536 * 1024)).toBe('1,5 MB');
    expect(formatFileSize(1536 * 1024, 'en-GB')).toBe('1.5 MB');
    expect(formatFileSize(800)).toBe('800 B');
  });
});

describe('attachment content', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffMediaType(PDF_BYTES)).toBe('application/pdf');
    expect(sniffMediaType(PNG_BYTES)).toBe('image/png');
    expect(sniffMediaType(JPEG_BYTES)).toBe('image/jpeg');
    expect(sniffMediaType(new TextEncoder().encode('MZ executable'))).toBeNull();
  });

  it('rejects content of a wrong type', () => {
    const renamed = checkFileContent('rechnung.pdf', new TextEncoder().encode('<html>not a pdf</html>'), DOCUMENT);
    expect(renamed.ok).toBe(false);

    const pngAsPdfOnly = checkFileContent('plan.pdf', PNG_BYTES, PDF_ONLY);
    expect(pngAsPdfOnly.ok).toBe(false);

    expect(checkFileContent('plan.pdf', PDF_BYTES, PDF_ONLY)).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('round-trips bytes through base64 and reads a signature from a prefix', () => {
    const encoded = bytesToBase64(PNG_BYTES);
    expect(encoded).toBe(Buffer.from(PNG_BYTES).toString('base64'));
    expect(sniffMediaType(base64Prefix(encoded, 16))).toBe('image/png');

    const large = new Uint8Array(100_000).map((_, index) => index % 251);
    expect(bytesToBase64(large)).toBe(Buffer.from(large).toString('base64'));
  });
});
