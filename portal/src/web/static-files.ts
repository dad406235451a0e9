// Serves files of the built web pages. Only plain relative paths inside the web folder are
// served: `..` and `.` segments, dotfiles, backslashes and NUL get a 404, and the resolved real
// path must still lie inside the folder, so neither encoded traversal nor a symlink leaves it.
import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { FastifyReply } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Vite names built assets `<name>-<8 character hash>.<ext>`; their content never changes. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Splits a decoded request path into safe segments, or returns null when any segment is unsafe. */
export function safeSegments(relativePath: string): string[] | null {
  if (relativePath === '' || /[\\\0]/.test(relativePath)) return null;
  const segments = relativePath.split('/');
  const unsafe = segments.some((segment) => segment === '' || segment.startsWith('.'));
  return unsafe ? null : segments;
}

export class StaticFiles {
  /** Real path of the web folder, or null when it does not exist (web pages not built). */
  readonly root: string | null;

  constructor(folder: string) {
    let root: string | null;
    try {
      root = realpathSync(folder);
    } catch {
      root = null;
    }
    this.root = root;
  }

  /** Reads a file below the web folder; null when it is missing or not allowed. */
  async read(relativePath: string): Promise<{ content: Buffer; path: string } | null> {
    const segments = safeSegments(relativePath);
    if (!this.root || !segments) return null;

    let path: string;
    try {
      path = await realpath(join(this.root, ...segments));
    } catch {
      return null;
    }
    if (!path.startsWith(this.root + sep)) return null;

    const info = await stat(path);
    if (!info.isFile()) return null;
    return { content: await readFile(path), path };
  }

  /** Sends the file with its content type; hashed assets are cached for a year as immutable. */
  async send(reply: FastifyReply, relativePath: string): Promise<boolean> {
    const file = await this.read(relativePath);
    if (!file) return false;

    const cacheControl = HASHED_ASSET.test(file.path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    await reply.header('Content-Type', contentTypeOf(file.path)).header('Cache-Control', cacheControl).send(file.content);
    return true;
  }
}
