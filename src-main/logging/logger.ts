// The logging interface plain modules accept. The shell passes an electron-log instance; tests
// pass a recorder or a file logger from file-logger.ts.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export type LogData = Record<string, unknown>;

export interface Logger {
  error(message: string, data?: LogData): void;
  warn(message: string, data?: LogData): void;
  info(message: string, data?: LogData): void;
  debug(message: string, data?: LogData): void;
}

export interface LogRecord {
  level: LogLevel;
  message: string;
  data?: LogData;
}

/** Creates a logger that keeps records in memory, for code that runs before the file log exists. */
export function createMemoryLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const push = (level: LogLevel) => (message: string, data?: LogData) => {
    records.push(data === undefined ? { level, message } : { level, message, data });
  };
  return { records, error: push('error'), warn: push('warn'), info: push('info'), debug: push('debug') };
}
