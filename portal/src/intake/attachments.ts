// Checks of the files that come with an application or a citizen reply: strict base64, type by
// magic bytes, size limit, SHA-512 and a file name that is safe to show and to store.
import { createHash } from 'node:crypto';
import type { AttachmentUpload, FieldError, RequiredDocument } from '../../../src-shared/index.ts';
import { MAX_ATTACHMENTS } from '../../../src-shared/index.ts';

export type AttachmentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface CheckedAttachment {
  documentId: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  bytes: Buffer;
  size: number;
  /** Lower-case hex. */
  sha512: string;
}

export type AttachmentCheckResult = { ok: true; files: CheckedAttachment[] } | { ok: false; errors: FieldError[] };

/** Slot for files a citizen sends with a reply to a Rückfrage. */
export const REPLY_DOCUMENT: RequiredDocument = {
  id: 'reply',
  label: 'Anlage zur Antwort',
  required: false,
  acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 10 * 1024 * 1024,
};

/** Maximum length of a stored file name in code points, extension included. */
export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_FILE_NAME = 'Dokument';

const TYPE_NAMES_DE: Record<AttachmentMediaType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
const EXTENSIONS: Record<AttachmentMediaType, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/**
 * Checks every upload against the required document it names and reports all problems at once.
 * Paths of the errors: `attachments.<index>` for a problem with one upload, `documents.<id>` for a
 * mandatory document that no upload provides.
 */
export function checkAttachments(
  documents: RequiredDocument[],
  uploads: AttachmentUpload[],
  options: { requireMandatory?: boolean } = {},
): AttachmentCheckResult {
  const errors: FieldError[] = [];
  const files: CheckedAttachment[] = [];
  const byId = new Map(documents.map((document) => [document.id, document]));

  if (uploads.length > MAX_ATTACHMENTS) {
    errors.push({ path: 'attachments', message: `Sie können höchstens ${MAX_ATTACHMENTS} Dateien mitschicken.` });
  }

  uploads.forEach((upload, index) => {
    const path = `attachments.${index}`;
    const document = byId.get(upload.documentId);
    if (document === undefined) {
      errors.push({ path, message: `Datei ${index + 1} gehört zu keinem Nachweis dieser Leistung. Bitte ordnen Sie sie einem der angeforderten Nachweise zu.` });
      return;
    }

    const checked = checkUpload(document, upload);
    if ('message' in checked) errors.push({ path, message: `Datei ${index + 1} („${document.label}“): ${checked.message}` });
    else files.push(checked);
  });

  if (options.requireMandatory ?? true) {
    const provided = new Set(uploads.map((upload) => upload.documentId));
    for (const document of documents) {
      if (document.required && !provided.has(document.id)) {
        errors.push({ path: `documents.${document.id}`, message: `Bitte laden Sie „${document.label}“ hoch.` });
      }
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, files };
}

function checkUpload(document: RequiredDocument, upload: AttachmentUpload): CheckedAttachment | { message: string } {
  // Estimated from the base64 length first, so that an oversized upload is not decoded at all.
  if (Math.floor((upload.contentBase64.length * 3) / 4) - 2 > document.maxBytes) {
    return { message: `Die Datei ist größer als ${formatMegabytes(document.maxBytes)}.` };
  }

  const bytes = decodeBase64Strict(upload.contentBase64);
  if (bytes === null) {
    return { message: 'Die Datei konnte nicht gelesen werden, weil sie beim Hochladen beschädigt wurde. Bitte laden Sie sie erneut hoch.' };
  }
  if (bytes.length === 0) return { message: 'Die Datei ist leer.' };
  if (bytes.length > document.maxBytes) return { message: `Die Datei ist größer als ${formatMegabytes(document.maxBytes)}.` };

  const mediaType = detectMediaType(bytes);
  if (mediaType === null) return { message: 'Die Datei ist kein PDF, JPEG oder PNG.' };
  if (!document.acceptedTypes.includes(mediaType)) {
    const accepted = document.acceptedTypes.map((type) => TYPE_NAMES_DE[type]).join(', ');
    return { message: `Die Datei ist ein ${TYPE_NAMES_DE[mediaType]}. Für diesen Nachweis sind nur diese Dateiarten erlaubt: ${accepted}.` };
  }

  return {
    documentId: document.id,
    fileName: withExtension(normaliseFileName(upload.fileName), mediaType),
    mediaType,
    bytes,
    size: bytes.length,
    sha512: createHash('sha512').update(bytes).digest('hex'),
  };
}

/**
 * Decodes standard base64 with padding and returns null for anything else: other characters,
 * whitespace, a wrong length, or unused bits that are not zero. Node's own decoder skips such input
 * silently, so the result is encoded again and compared.
 */
function decodeBase64Strict(input: string): Buffer | null {
  if (input.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(input)) return null;
  const bytes = Buffer.from(input, 'base64');
  return bytes.toString('base64') === input ? bytes : null;
}

/** Detects PDF, JPEG and PNG by their magic bytes; the file name and the declared type are ignored. */
export function detectMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // "%PDF-"
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Makes a client's file name safe to store and show. The result is NFC and only the part after the
 * last `/` or `\`. Control and bidirectional formatting characters are removed, characters that
 * Windows reserves become `_`, and leading dots and trailing dots or spaces go. Names longer than
 * MAX_FILE_NAME_LENGTH are cut with the extension kept, and an empty result becomes "Dokument".
 */
export function normaliseFileName(name: string): string {
  const baseName = name.normalize('NFC').split(/[/\\]/).pop() ?? '';

  const cleaned = baseName
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');

  const safe = isWindowsDeviceName(cleaned) ? `_${cleaned}` : cleaned;
  const capped = capLength(safe);
  return capped === '' ? FALLBACK_FILE_NAME : capped;
}

/** CON, PRN, AUX, NUL, COM1-9 and LPT1-9 name devices on Windows, with or without an extension. */
function isWindowsDeviceName(name: string): boolean {
  return /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i.test(name);
}

function capLength(name: string): string {
  // Array.from counts code points, so a cut never splits a surrogate pair.
  const characters = Array.from(name);
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name;

  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 10) return characters.slice(0, MAX_FILE_NAME_LENGTH).join('').trimEnd();
  const stem = Array.from(name.slice(0, dot)).slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('').trimEnd();
  return stem + extension.join('');
}

/** Makes the extension match the detected type, so "antrag.exe" holding a PDF is stored as "antrag.exe.pdf". */
function withExtension(fileName: string, mediaType: AttachmentMediaType): string {
  const extension = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
  if (EXTENSIONS[mediaType].includes(extension)) return fileName;
  const suffix = `.${EXTENSIONS[mediaType][0]}`;
  return capLength(fileName + suffix) === fileName + suffix ? fileName + suffix : Array.from(fileName).slice(0, MAX_FILE_NAME_LENGTH - suffix.length).join('') + suffix;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes.toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}
