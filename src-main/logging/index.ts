export * from './logger.ts';
export * from './redact.ts';
export * from './json-line.ts';
export * from './rotation.ts';
export * from './paths.ts';
export { createFileLogger, type FileLoggerOptions } from './file-logger.ts';
