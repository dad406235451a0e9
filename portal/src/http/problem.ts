// RFC 9457 problem details. `detail` is English for API clients and logs; `userMessage` is the
// German sentence a UI shows as is.
import type { FieldError, Problem } from '../../../src-shared/index.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export class ProblemError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail);
    this.name = 'ProblemError';
    this.problem = problem;
    this.headers = headers;
  }
}

function problemType(slug: string): string {
  return `urn:antragsdesk:problem:${slug}`;
}

export function badRequest(detail: string, userMessage: string, errors?: FieldError[]): ProblemError {
  return new ProblemError({ type: problemType('bad-request'), title: 'Bad request', status: 400, detail, userMessage, ...(errors ? { errors } : {}) });
}

export function validationFailed(detail: string, errors: FieldError[], userMessage = 'Bitte prüfen Sie Ihre Angaben.'): ProblemError {
  return new ProblemError({ type: problemType('validation-failed'), title: 'Validation failed', status: 422, detail, userMessage, errors });
}

export function unprocessable(slug: string, title: string, detail: string, userMessage: string): ProblemError {
  return new ProblemError({ type: problemType(slug), title, status: 422, detail, userMessage });
}

export function unauthorized(detail: string, userMessage = 'Bitte melden Sie sich an.'): ProblemError {
  return new ProblemError({ type: problemType('unauthorized'), title: 'Unauthorized', status: 401, detail, userMessage }, { 'WWW-Authenticate': 'Bearer' });
}

export function forbidden(detail: string, userMessage = 'Dafür fehlt Ihnen die Berechtigung.'): ProblemError {
  return new ProblemError({ type: problemType('forbidden'), title: 'Forbidden', status: 403, detail, userMessage });
}

export function notFound(detail: string, userMessage = 'Der Eintrag wurde nicht gefunden.'): ProblemError {
  return new ProblemError({ type: problemType('not-found'), title: 'Not found', status: 404, detail, userMessage });
}

export function conflict(slug: string, detail: string, userMessage: string, extra: Partial<Problem> = {}): ProblemError {
  return new ProblemError({ type: problemType(slug), title: 'Conflict', status: 409, detail, userMessage, ...extra });
}

/** Formats the wait of a lockout for a German message, in whole minutes: "1 Minute", "15 Minuten". */
export function waitInMinutesDe(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
}

export function tooManyRequests(detail: string, retryAfterSeconds: number, userMessage: string): ProblemError {
  return new ProblemError(
    { type: problemType('rate-limited'), title: 'Too many requests', status: 429, detail, userMessage },
    { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );
}

export function internalError(): Problem {
  return {
    type: problemType('internal-error'),
    title: 'Internal server error',
    status: 500,
    detail: 'The portal failed to process the request; the error is logged with the request id.',
    userMessage: 'Es ist ein Fehler im Portal aufgetreten. Bitte versuchen Sie es später erneut.',
  };
}
