// HTTP client of the clerk app for the portal API. It sets timeouts, retries calls that are safe to
// repeat with backoff, and turns problem details into PortalError with a German message. Its
// English log lines carry ids only: paths contain application ids, never names.
import type { z } from 'zod';
import {
  API_PREFIX, Application, ClerkUser, Problem, Session,
  type ClerkAction, type FeedPage,
} from '../../../src-shared/api.ts';
import { Authority, Service } from '../../../src-shared/catalog.ts';
import type { Logger } from '../../logging/logger.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { MESSAGES_DE, PortalError } from './portal-error.ts';

export type FetchFunction = typeof fetch;

export interface PortalClientOptions {
  /** Portal base URL, e.g. https://portal.example.de (no trailing /api/v1). */
  baseUrl: string;
  fetch?: FetchFunction;
  /** Session token for the Authorization header; null when signed out. */
  token: () => string | null;
  log: Logger;
  /** Timeout of one attempt in ms (default 15,000). */
  timeoutMs?: number;
  /** Retries after the first attempt for repeatable calls (default 2). */
  retries?: number;
  /** Base of the exponential retry delay in ms (default 250). */
  retryBaseMs?: number;
  random?: () => number;
}

interface RequestOptions<T> {
  body?: unknown;
  idempotencyKey?: string;
  /** Whether a failed attempt may be repeated: GETs and calls with an idempotency key. */
  repeatable: boolean;
  schema?: z.ZodType<T>;
  /** Skip the zod check of a large response that the caller checks itself. */
  trusted?: boolean;
  timeoutMs?: number;
}

export interface AttachmentDownload {
  mediaType: string;
  content: Buffer;
}

export type PortalClient = ReturnType<typeof createPortalClient>;

export function createPortalClient(options: PortalClientOptions) {
  const fetchFunction = options.fetch ?? fetch;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 2;
  const backoff = { baseMs: options.retryBaseMs ?? 250, maxMs: 5_000, random: options.random };
  const log = options.log;

  async function send(method: string, path: string, request: { body?: unknown; idempotencyKey?: string; timeoutMs?: number; accept?: string }): Promise<Response> {
    const headers: Record<string, string> = { accept: request.accept ?? 'application/json' };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    if (request.body !== undefined) headers['content-type'] = 'application/json';

    try {
      return await fetchFunction(`${baseUrl}${path}`, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(request.timeoutMs ?? timeoutMs),
      });
    } catch (error) {
      throw transportError(error, method, path);
    }
  }

  /** Sends a request, retrying repeatable ones, and returns the successful response. */
  async function exchange(method: string, path: string, request: Omit<RequestOptions<unknown>, 'schema'> & { accept?: string }): Promise<Response> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await send(method, path, request);
        if (response.ok) return response;
        throw await httpError(response, method, path);
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;

        const mayRetry = request.repeatable && error.retryable && attempt < retries;
        log.warn(mayRetry ? 'portal: request failed, retrying' : 'portal: request failed', {
          method, path, status: error.status, kind: error.kind, attempt: attempt + 1, idempotencyKey: request.idempotencyKey ?? null,
        });
        if (!mayRetry) throw error;
        await sleep(backoffDelay(attempt, backoff));
      }
    }
  }

  async function requestJson<T>(method: string, path: string, request: RequestOptions<T>): Promise<T> {
    const response = await exchange(method, path, request);
    if (response.status === 204) return undefined as T;

    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw invalidResponse(method, path, response.status, error);
    }
    if (!request.schema || request.trusted) return body as T;

    const parsed = request.schema.safeParse(body);
    if (!parsed.success) throw invalidResponse(method, path, response.status, parsed.error);
    return parsed.data;
  }

  function invalidResponse(method: string, path: string, status: number, cause: unknown): PortalError {
    log.error('portal: response does not match the API contract', { method, path, status });
    return new PortalError({
      kind: 'invalid-response',
      status,
      message: `${method} ${path} returned ${status} with a body that does not match the API contract`,
      userMessage: MESSAGES_DE.invalidResponse,
      cause,
    });
  }

  async function readFeedBytes(after: number, limit: number, timeout?: number): Promise<Buffer> {
    const path = `${API_PREFIX}/clerk/feed?after=${after}&limit=${limit}`;
    const response = await exchange('GET', path, { repeatable: true, timeoutMs: timeout });
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw transportError(error, 'GET', path);
    }
  }

  function parseFeedPage(text: string): FeedPage {
    let page: unknown;
    try {
      page = JSON.parse(text);
    } catch (error) {
      throw invalidResponse('GET', `${API_PREFIX}/clerk/feed`, 200, error);
    }
    if (!isFeedPageShape(page)) throw invalidResponse('GET', `${API_PREFIX}/clerk/feed`, 200, new Error('not a feed page'));
    return page;
  }

  return {
    baseUrl,
    parseFeedPage,

    /** Logs in; not repeated automatically, because a failed login counts against the rate limit. */
    login: (username: string, password: string) =>
      requestJson('POST', `${API_PREFIX}/session`, { body: { username, password }, repeatable: false, schema: Session }),

    logout: () => requestJson<void>('DELETE', `${API_PREFIX}/session`, { repeatable: false }),

    currentUser: () => requestJson('GET', `${API_PREFIX}/session`, { repeatable: true, schema: ClerkUser }),

    /**
     * Reads one change feed page. Snapshots are not checked field by field here: the cache writer
     * rejects a page it cannot store, and checking 1,000 snapshots per page with zod would double
     * the initial sync time. The page shape itself is checked in parseFeedPage.
     */
    readFeed: async (after: number, limit: number, timeout?: number) => parseFeedPage((await readFeedBytes(after, limit, timeout)).toString('utf8')),

    /**
     * Reads one change feed page as the bytes the portal sent, for readers that parse it later and
     * keep the snapshot bytes (see FEED_PAGE_LAYOUT). The Buffer owns its ArrayBuffer, so that a
     * worker thread can transfer it.
     */
    readFeedBytes,

    getApplication: (id: string) =>
      requestJson('GET', `${API_PREFIX}/clerk/applications/${encodeURIComponent(id)}`, { repeatable: true, schema: Application }),

    /** Sends a clerk action. The idempotency key makes it repeatable: the portal replays a committed one. */
    postAction: (applicationId: string, action: ClerkAction, idempotencyKey: string) =>
      requestJson('POST', `${API_PREFIX}/clerk/applications/${encodeURIComponent(applicationId)}/actions`, {
        body: action, idempotencyKey, repeatable: true, schema: Application,
      }),

    getAttachment: async (applicationId: string, attachmentId: string): Promise<AttachmentDownload> => {
      const path = `${API_PREFIX}/clerk/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
      const response = await exchange('GET', path, { repeatable: true, accept: '*/*', timeoutMs: 60_000 });
      const content = Buffer.from(await response.arrayBuffer());
      return { mediaType: response.headers.get('content-type') ?? 'application/octet-stream', content };
    },

    listUsers: () => requestJson('GET', `${API_PREFIX}/clerk/users`, { repeatable: true, schema: ClerkUser.array() }),

    listAuthorities: () => requestJson('GET', `${API_PREFIX}/catalog/authorities`, { repeatable: true, schema: Authority.array() }),

    getService: (id: string, version: number) =>
      requestJson('GET', `${API_PREFIX}/catalog/services/${encodeURIComponent(id)}/versions/${version}`, { repeatable: true, schema: Service }),

    /** Opens the live hint stream; the caller reads and closes the body. Not retried here. */
    openFeedEvents: async (signal: AbortSignal): Promise<Response> => {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      const token = options.token();
      if (token) headers.authorization = `Bearer ${token}`;

      const path = `${API_PREFIX}/clerk/feed/events`;
      let response: Response;
      try {
        response = await fetchFunction(`${baseUrl}${path}`, { headers, signal });
      } catch (error) {
        throw transportError(error, 'GET', path);
      }
      if (!response.ok) throw await httpError(response, 'GET', path);
      return response;
    },
  };
}

function isFeedPageShape(value: unknown): value is FeedPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return Array.isArray(page.changes) && Number.isInteger(page.cursor) && typeof page.hasMore === 'boolean';
}

function transportError(error: unknown, method: string, path: string): PortalError {
  const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return new PortalError({
    kind: timedOut ? 'timeout' : 'network',
    message: `${method} ${path} ${timedOut ? 'timed out' : 'failed without a response'}`,
    userMessage: timedOut ? MESSAGES_DE.timeout : MESSAGES_DE.network,
    cause: error,
  });
}

/** Reads the problem details of a failed response; the portal's German userMessage wins. */
async function httpError(response: Response, method: string, path: string): Promise<PortalError> {
  let problem: Problem | null = null;
  try {
    const parsed = Problem.safeParse(await response.json());
    if (parsed.success) problem = parsed.data;
  } catch {
    // A proxy's HTML error page or an empty body: the status alone has to do.
  }

  return new PortalError({
    kind: 'http',
    status: response.status,
    problem,
    message: `${method} ${path} returned ${response.status}${problem ? `: ${problem.detail}` : ''}`,
    userMessage: germanMessageFor(response.status, problem),
  });
}

function germanMessageFor(status: number, problem: Problem | null): string {
  if (status === 401) return problem?.userMessage ?? MESSAGES_DE.unauthorized;
  if (problem?.userMessage) return problem.userMessage;
  if (status >= 500) return MESSAGES_DE.serverError(status);
  return MESSAGES_DE.rejected(status);
}
