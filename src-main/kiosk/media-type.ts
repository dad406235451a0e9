// Media type of a scanned file from its first bytes. The file name's extension is not trusted,
// because the scanner folder is writable by other programs.

export type ScanMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: { mediaType: ScanMediaType; bytes: number[] }[] = [
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** Number of leading bytes sniffMediaType needs. */
export const SNIFF_BYTES = 8;

export function sniffMediaType(head: Uint8Array): ScanMediaType | null {
  const match = SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte));
  return match?.mediaType ?? null;
}
