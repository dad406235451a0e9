// One log record as one line of JSON: {"time","level","scope","message","data"}. Data passes
// through redact() first, which removes the known personal-data and secret keys of any object a
// caller passes. Free text in the message itself is not checked, so messages carry ids only.
import type { LogLevel } from './logger.ts';
import { redact } from './redact.ts';

export interface LogLineInput {
  time: Date;
  level: LogLevel | string;
  scope?: string | undefined;
  message: string;
  data?: unknown[] | undefined;
}

export function formatLogLine(input: LogLineInput): string {
  const record: Record<string, unknown> = {
    time: input.time.toISOString(),
    level: input.level,
  };
  if (input.scope) record.scope = input.scope;
  record.message = input.message;

  const data = (input.data ?? []).filter((item) => item !== undefined);
  if (data.length === 1) record.data = redact(data[0]);
  else if (data.length > 1) record.data = redact(data);

  return JSON.stringify(record);
}
