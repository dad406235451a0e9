// electron-log configured with the plain logging settings: JSON lines, redaction, size rotation.
// NOTE: never run here, because electron-log/main needs the Electron binary. The line format,
// redaction and rotation it calls are tested in tests/unit/rollout/logging.test.ts.
import { join } from 'node:path';
import log from 'electron-log/main';
import { formatLogLine } from '../logging/json-line.ts';
import type { Logger, LogLevel } from '../logging/logger.ts';
import { LOG_FILE_NAME, LOG_MAX_BYTES, rotateLogFile } from '../logging/index.ts';
import { redact } from '../logging/redact.ts';

export function createElectronLogger(directory: string, level: LogLevel): Logger {
  log.initialize();
  log.transports.file.resolvePathFn = () => join(directory, LOG_FILE_NAME);
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (file) => rotateLogFile(file.path);
  log.transports.file.level = level;
  log.transports.file.transforms = [
    ({ message }) => formatLogLine({
      time: message.date,
      level: message.level,
      scope: message.scope,
      message: String(message.data[0] ?? ''),
      data: message.data.slice(1),
    }),
  ];
  // Console output is for developers; it gets the same redaction as the file.
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }));

  return {
    error: (message, data) => log.error(message, data),
    warn: (message, data) => log.warn(message, data),
    info: (message, data) => log.info(message, data),
    debug: (message, data) => log.debug(message, data),
  };
}
