// Helpers of the in-app attachment viewer. It shows only PDF and the image types the intake
// accepts, and it never hands a file to the operating system.

export type ViewerKind = 'pdf' | 'image' | 'none';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

export function viewerKind(mediaType: string): ViewerKind {
  const type = mediaType.toLowerCase().split(';')[0]!.trim();
  if (type === 'application/pdf') return 'pdf';
  if (IMAGE_TYPES.has(type)) return 'image';
  return 'none';
}

/** Decodes base64 file content into bytes for a Blob. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Formats a file size in German units, e.g. "1,2 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}
