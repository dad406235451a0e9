// A plain Node logger that writes JSON lines with rotation. The Electron shell uses electron-log
// with the same line format and rotation; this one serves code and tests that run without Electron.
import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatLogLine } from './json-line.ts';
import type { LogData, Logger, LogLevel } from './logger.ts';
import { LOG_ARCHIVES, LOG_MAX_BYTES, rotateLogFile } from './rotation.ts';

const LEVEL_ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface FileLoggerOptions {
  file: string;
  level?: LogLevel;
  scope?: string;
  maxBytes?: number;
  archives?: number;
  now?: () => Date;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function createFileLogger(options: FileLoggerOptions): Logger {
  const threshold = LEVEL_ORDER[options.level ?? 'info'];
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(options.file), { recursive: true });

  const write = (level: LogLevel) => (message: string, data?: LogData) => {
    if (LEVEL_ORDER[level] > threshold) return;

    const line = `${formatLogLine({ time: now(), level, scope: options.scope, message, data: data === undefined ? [] : [data] })}\n`;
    // Rotate before the write that would cross the limit, so no file grows past maxBytes unless
    // a single line is larger than that.
    const size = sizeOf(options.file);
    if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotateLogFile(options.file, options.archives ?? LOG_ARCHIVES);
    appendFileSync(options.file, line);
  };

  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
