// A minimal writer for POSIX ustar archives: regular files only, which is all a support bundle
// holds. GNU tar, bsdtar and the tar built into Windows 10+ read the output.

const BLOCK = 512;

export interface TarEntry {
  /** Path inside the archive with forward slashes, e.g. logs/main.log. */
  name: string;
  content: Buffer;
  mtime?: Date;
  mode?: number;
}

function writeString(header: Buffer, text: string, offset: number, length: number): void {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > length) throw new Error(`tar header field too long: "${text}" exceeds ${length} bytes`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  // Octal digits, zero-padded, followed by a NUL terminator in the last byte.
  writeString(header, value.toString(8).padStart(length - 1, '0'), offset, length - 1);
}

/** Splits a long path into ustar's prefix (155 bytes) and name (100 bytes) at a slash. */
function splitName(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };

  for (let index = path.lastIndexOf('/'); index > 0; index = path.lastIndexOf('/', index - 1)) {
    const prefix = path.slice(0, index);
    const name = path.slice(index + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`path too long for a ustar archive: ${path}`);
}

function header(entry: TarEntry): Buffer {
  if (entry.name.startsWith('/') || entry.name.split('/').includes('..')) {
    throw new Error(`invalid tar entry name: ${entry.name}; expected a relative path without ".."`);
  }

  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitName(entry.name);
  writeString(block, name, 0, 100);
  writeOctal(block, entry.mode ?? 0o644, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, entry.content.length, 124, 12);
  writeOctal(block, Math.floor((entry.mtime ?? new Date()).getTime() / 1000), 136, 12);
  block.fill(' ', 148, 156);
  writeString(block, '0', 156, 1);
  writeString(block, 'ustar\0', 257, 6);
  writeString(block, '00', 263, 2);
  writeString(block, prefix, 345, 155);

  // The checksum is the byte sum of the header with the checksum field read as eight spaces.
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, `${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}

export function createTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry), entry.content);
    const padding = (BLOCK - (entry.content.length % BLOCK)) % BLOCK;
    if (padding > 0) parts.push(Buffer.alloc(padding));
  }
  // Two zero blocks end the archive.
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
