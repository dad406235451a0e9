// HTTP client of the kiosk (and of assisted intake) for the portal API. Every response is parsed
// with the shared zod schemas. A request without a usable response raises PortalUnavailableError,
// and a response with problem details raises PortalProblemError.
import { z } from 'zod';
import { API_PREFIX, Place, Problem, Receipt, Service, ServiceSummary, type SubmitApplicationRequest } from '../../src-shared/index.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** The portal could not be reached, timed out, responded with 5xx or with a body outside the contract. */
export class PortalUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PortalUnavailableError';
  }
}

/** The portal responded with problem details (4xx). */
export class PortalProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`portal returned ${problem.status} ${problem.title}`);
    this.name = 'PortalProblemError';
    this.problem = problem;
  }
}

export interface PortalClientOptions {
  portalUrl: string;
  /** Value of the Authorization header, e.g. `Device <token>`; read per request so a rotated token counts. */
  authorization(): Promise<string | null>;
  timeoutMs?: number;
  /** Attempts of a GET, which is safe to repeat. */
  readAttempts?: number;
  fetch?: typeof fetch;
}

export interface PortalClient {
  readonly portalUrl: string;
  listServices(): Promise<ServiceSummary[]>;
  getService(id: string, version?: number): Promise<Service>;
  listPlaces(): Promise<Place[]>;
  /**
   * Sends one submission. It is never repeated here: the caller repeats it, always with the same
   * idempotency key, so that the portal's replay answers a request whose response was lost.
   */
  submit(request: SubmitApplicationRequest, idempotencyKey: string): Promise<Receipt>;
}

export function createPortalClient(options: PortalClientOptions): PortalClient {
  const base = options.portalUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const readAttempts = options.readAttempts ?? 2;
  const fetchImpl = options.fetch ?? fetch;

  async function send<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // A missing token file is treated like an unreachable portal: the kiosk queues applications
    // until IT puts the token in place, and logs why.
    let authorization: string | null;
    try {
      authorization = await options.authorization();
    } catch (error) {
      throw new PortalUnavailableError(`${method} ${path}: no credentials: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (authorization) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;

    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${base}${API_PREFIX}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      throw new PortalUnavailableError(`${method} ${path} failed: ${describeNetworkError(error)}`, { cause: error });
    }

    if (response.status >= 500) throw new PortalUnavailableError(`${method} ${path} failed with status ${response.status}`);

    const json = parseJson(text);
    if (!response.ok) {
      const problem = Problem.safeParse(json);
      if (problem.success) throw new PortalProblemError(problem.data);
      throw new PortalUnavailableError(`${method} ${path} failed with status ${response.status} and no problem details`);
    }

    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new PortalUnavailableError(`${method} ${path} returned a body outside the contract: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  }

  async function read<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= readAttempts; attempt += 1) {
      try {
        return await send('GET', path, schema);
      } catch (error) {
        if (!(error instanceof PortalUnavailableError)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  return {
    portalUrl: base,
    listServices: () => read('/catalog/services', z.array(ServiceSummary)),
    getService: (id, version) =>
      read(version === undefined ? `/catalog/services/${encodeURIComponent(id)}` : `/catalog/services/${encodeURIComponent(id)}/versions/${version}`, Service),
    listPlaces: () => read('/catalog/places', z.array(Place)),
    submit: (request, idempotencyKey) => send('POST', '/applications', Receipt, request, idempotencyKey),
  };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause) return String(cause.code);
  return error instanceof Error ? error.message : String(error);
}
