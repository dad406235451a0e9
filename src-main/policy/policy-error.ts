// The error that stops the start when a policy layer sets an invalid value.
import { expectedValueDe, expectedValueEn } from './expected.ts';
import type { PolicyKey } from './schema.ts';

/** Origin of an effective value: a registry key path, a file path, or one of the labels below. */
export type PolicySource = string;

export const SOURCE_DEFAULT = 'default';
export const SOURCE_USER_LABEL = 'user';
export const SOURCE_COMMAND_LINE = 'command line';

export type PolicyErrorReason = 'invalid' | 'missing' | 'unreadable';

export class PolicyError extends Error {
  readonly key: PolicyKey | null;
  readonly source: PolicySource;
  readonly reason: PolicyErrorReason;
  readonly expected: string;
  readonly expectedDe: string;
  /** The validator's own message, e.g. "must match pattern ...", without the rejected value. */
  readonly detail: string;

  constructor(init: { key: PolicyKey | null; source: PolicySource; reason: PolicyErrorReason; detail: string; expected?: string; expectedDe?: string }) {
    const expected = init.expected ?? (init.key ? expectedValueEn(init.key) : 'a readable JSON object');
    const what = init.key ? `policy key "${init.key}"` : 'policy';
    const verbs: Record<PolicyErrorReason, string> = { missing: 'is missing in', unreadable: 'could not be read from', invalid: 'is invalid in' };
    const verb = verbs[init.reason];

    // The rejected value is left out on purpose: it can be a token or a PIN hash, and this
    // message ends up in log files and support bundles.
    super(`${what} ${verb} ${init.source}: ${init.detail}; expected ${expected}`);
    this.name = 'PolicyError';
    this.key = init.key;
    this.source = init.source;
    this.reason = init.reason;
    this.expected = expected;
    this.expectedDe = init.expectedDe ?? (init.key ? expectedValueDe(init.key) : 'eine lesbare JSON-Datei mit einem Objekt');
    this.detail = init.detail;
  }
}
