// Checks a file against a required document before it is added to the application, so the citizen
// learns about a wrong type or an oversized file at once and not after submitting. The portal
// checks the same again by the file's bytes.
import { MAX_ATTACHMENTS, type RequiredDocument } from '../../../src-shared/index.ts';
import type { FieldIssue } from '../wizard/field-input.ts';

export type AcceptedMediaType = RequiredDocument['acceptedTypes'][number];

export const MEDIA_TYPE_LABELS: Record<AcceptedMediaType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

const EXTENSION_MEDIA_TYPES: Record<string, AcceptedMediaType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export interface CandidateFile {
  name: string;
  /** Media type the browser reports; empty when it does not know. */
  type: string;
  size: number;
}

/** Formats a byte count the way the messages show it: "10 MB", "850 KB", "1,5 MB". */
export function formatFileSize(bytes: number, intlLocale = 'de-DE'): string {
  const format = (value: number) => new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export function acceptedTypesLabel(document: RequiredDocument): string {
  return document.acceptedTypes.map((type) => MEDIA_TYPE_LABELS[type]).join(', ');
}

/** The `accept` attribute for a file input: media types plus extensions for browsers that match by name. */
export function acceptAttribute(document: RequiredDocument): string {
  const extensions = Object.entries(EXTENSION_MEDIA_TYPES)
    .filter(([, type]) => document.acceptedTypes.includes(type))
    .map(([extension]) => `.${extension}`);
  return [...document.acceptedTypes, ...extensions].join(',');
}

/** Media type from the browser's report, or from the file name's extension when the report is empty. */
export function declaredMediaType(file: CandidateFile): string {
  if (file.type !== '') return file.type;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSION_MEDIA_TYPES[extension] ?? '';
}

/** Media type by the file's first bytes (magic numbers), or null for anything else. */
export function sniffMediaType(bytes: Uint8Array): AcceptedMediaType | null {
  const startsWith = (signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

  if (startsWith([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/**
 * Checks name, type and size before the file is read. `attachedCount` is the number of files the
 * application already has, over all documents.
 */
export function checkCandidateFile(file: CandidateFile, document: RequiredDocument, attachedCount: number, intlLocale?: string): FieldIssue | null {
  if (attachedCount >= MAX_ATTACHMENTS) return { key: 'documents.tooMany', params: { max: MAX_ATTACHMENTS } };

  const mediaType = declaredMediaType(file);
  if (!(document.acceptedTypes as string[]).includes(mediaType)) {
    return { key: 'documents.wrongType', params: { file: file.name, types: acceptedTypesLabel(document) } };
  }

  if (file.size === 0) return { key: 'documents.emptyFile', params: { file: file.name } };

  if (file.size > document.maxBytes) {
    return {
      key: 'documents.tooLarge',
      params: { file: file.name, size: formatFileSize(file.size, intlLocale), max: formatFileSize(document.maxBytes, intlLocale) },
    };
  }

  return null;
}

/** Checks the file's bytes once read: the content must be one of the accepted types, whatever its name says. */
export function checkFileContent(fileName: string, bytes: Uint8Array, document: RequiredDocument): { ok: true; mediaType: AcceptedMediaType } | { ok: false; issue: FieldIssue } {
  const sniffed = sniffMediaType(bytes);
  if (sniffed === null || !document.acceptedTypes.includes(sniffed)) {
    return { ok: false, issue: { key: 'documents.wrongType', params: { file: fileName, types: acceptedTypesLabel(document) } } };
  }
  return { ok: true, mediaType: sniffed };
}
