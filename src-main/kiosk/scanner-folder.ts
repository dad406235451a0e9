// The scanner folder of the terminal: the document scanner drops files there and the citizen picks
// them as attachments. Only files created after the citizen's session started are offered, and at
// the end of the session they are deleted, so the next citizen never sees them.
import { randomUUID } from 'node:crypto';
import { lstat, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScannedDocument, ScannedDocumentContent } from '../../src-shared/ipc/kiosk.ts';
import type { Logger } from '../logging/logger.ts';
import { SNIFF_BYTES, sniffMediaType, type ScanMediaType } from './media-type.ts';

/** Largest scan offered; the largest document a demo service accepts is 10 MiB. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;

/** Images up to this size are their own preview; larger ones get the generic icon. */
const INLINE_THUMBNAIL_BYTES = 2 * 1024 * 1024;

/**
 * File system clocks may lag the process clock by a few milliseconds (ext4 uses the kernel's
 * coarse clock), so a scan made right after the session start could look older than the start.
 */
const CLOCK_TOLERANCE_MS = 1_000;

/** A grey page icon (48x64 PNG) for PDFs and for images too large to preview. */
export const GENERIC_DOCUMENT_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAABACAIAAADTQmMRAAAAj0lEQVR42u3VPQqAMBBE4ZzTg3mmXMhaBUHEn2QaZzfwpk7xFftImVxbtZX96WKZaPKBaq2KyQpSTG5Q1xQAaptiQA1TGOjLFAl6NQWDnqZ40M2UAnQ1ZQGdpkSgw+QDiR8wIECAAAFSQfPPGx/EDQGiMioDRGVUxlFTGZVxQ4CojMoAURlHDQgQoFFBqbYBod1Xe0lAITgAAAAASUVORK5CYII=';

/** Turns image bytes into a small preview data URL; the Electron shell passes one built on nativeImage. */
export type ThumbnailMaker = (bytes: Buffer, mediaType: 'image/jpeg' | 'image/png') => Promise<string | null>;

export interface ScannerFolderOptions {
  folder: string;
  log: Logger;
  makeThumbnail?: ThumbnailMaker;
  maxBytes?: number;
}

export interface ScannerSession {
  readonly startedAt: number;
  list(): Promise<ScannedDocument[]>;
  read(id: string): Promise<ScannedDocumentContent>;
  /** Deletes every file created during this session, offered or not. */
  deleteSessionFiles(): Promise<number>;
}

export class ScanNotFoundError extends Error {
  constructor(id: string) {
    super(`scan ${id} is not in this session's list`);
    this.name = 'ScanNotFoundError';
  }
}

interface SessionFile {
  path: string;
  fileName: string;
  mediaType: ScanMediaType;
  size: number;
}

async function defaultThumbnail(bytes: Buffer, mediaType: 'image/jpeg' | 'image/png'): Promise<string | null> {
  if (bytes.length > INLINE_THUMBNAIL_BYTES) return null;
  return `data:${mediaType};base64,${bytes.toString('base64')}`;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function startScannerSession(options: ScannerFolderOptions, startedAt = Date.now()): ScannerSession {
  const { folder, log } = options;
  const maxBytes = options.maxBytes ?? MAX_SCAN_BYTES;
  const makeThumbnail = options.makeThumbnail ?? defaultThumbnail;
  // Ids are random per session, so the renderer can only name files this session listed.
  const offered = new Map<string, SessionFile>();

  async function sessionEntries(): Promise<{ path: string; fileName: string; size: number; createdMs: number }[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      log.warn('scanner: folder cannot be read', { folder, code: (error as NodeJS.ErrnoException).code });
      return [];
    }

    const entries = [];
    for (const fileName of names) {
      const path = join(folder, fileName);
      const stats = await lstat(path).catch(() => null);
      // Symbolic links could point anywhere on the disk, so only regular files count.
      if (!stats?.isFile()) continue;

      const createdMs = stats.birthtimeMs > 0 ? stats.birthtimeMs : stats.ctimeMs;
      if (createdMs + CLOCK_TOLERANCE_MS < startedAt) continue;
      entries.push({ path, fileName, size: stats.size, createdMs });
    }
    return entries.sort((a, b) => b.createdMs - a.createdMs);
  }

  return {
    startedAt,

    list: async () => {
      const documents: ScannedDocument[] = [];
      for (const entry of await sessionEntries()) {
        if (entry.size === 0 || entry.size > maxBytes || entry.fileName.length > 255) continue;

        const mediaType = sniffMediaType(await readHead(entry.path).catch(() => new Uint8Array()));
        if (!mediaType) continue;

        let thumbnail: string | null = null;
        if (mediaType !== 'application/pdf') {
          thumbnail = await makeThumbnail(await readFile(entry.path), mediaType).catch(() => null);
        }

        const known = [...offered.entries()].find(([, file]) => file.path === entry.path);
        const id = known?.[0] ?? randomUUID();
        offered.set(id, { path: entry.path, fileName: entry.fileName, mediaType, size: entry.size });
        documents.push({
          id,
          fileName: entry.fileName,
          mediaType,
          size: entry.size,
          scannedAt: new Date(entry.createdMs).toISOString(),
          thumbnailDataUrl: thumbnail ?? GENERIC_DOCUMENT_ICON,
        });
      }
      return documents;
    },

    read: async (id) => {
      const file = offered.get(id);
      if (!file) throw new ScanNotFoundError(id);

      const bytes = await readFile(file.path);
      // The file may have changed since it was listed; check it again.
      if (bytes.length === 0 || bytes.length > maxBytes || sniffMediaType(bytes.subarray(0, SNIFF_BYTES)) !== file.mediaType) {
        throw new ScanNotFoundError(id);
      }
      return { id, fileName: file.fileName, mediaType: file.mediaType, contentBase64: bytes.toString('base64') };
    },

    deleteSessionFiles: async () => {
      let deleted = 0;
      for (const entry of await sessionEntries()) {
        try {
          await rm(entry.path, { force: true });
          deleted += 1;
        } catch (error) {
          log.error('scanner: deleting a session file failed', { code: (error as NodeJS.ErrnoException).code });
        }
      }
      offered.clear();
      return deleted;
    },
  };
}
