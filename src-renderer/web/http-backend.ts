// CitizenBackend over the portal's HTTP API, for the citizen web pages the portal serves.
// Every response is parsed with the shared zod schemas, so a portal that breaks the contract
// shows up as an error here instead of as a half-rendered form.
import { z } from 'zod';
import {
  API_PREFIX,
  Place,
  Problem,
  Receipt,
  Service,
  ServiceSummary,
  type SubmitApplicationRequest,
} from '../../src-shared/index.ts';
import type { SubmitOutcome } from '../../src-shared/ipc/kiosk.ts';
import { BackendUnavailableError, ProblemError, type CitizenBackend } from '../citizen/backend.ts';

export interface HttpBackendOptions {
  /** Origin of the portal, e.g. http://127.0.0.1:8080; the page's own origin when omitted. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createHttpBackend(options: HttpBackendOptions = {}): CitizenBackend {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? 'http://127.0.0.1';
  const url = (path: string) => new URL(`${API_PREFIX}${path}`, baseUrl).toString();

  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(url(path), { ...init, headers: { accept: 'application/json', ...init.headers } });
    } catch (error) {
      throw new BackendUnavailableError(`${init.method ?? 'GET'} ${path} failed: no response`, { cause: error });
    }

    if (!response.ok) throw await problemFrom(response, path);
    return response;
  };

  const getJson = async <T>(path: string, schema: z.ZodType<T>): Promise<T> => {
    const response = await request(path);
    return parseBody(response, schema, path);
  };

  return {
    listServices: () => getJson('/catalog/services', z.array(ServiceSummary)),

    getService: (id, version) => {
      const path = version === undefined
        ? `/catalog/services/${encodeURIComponent(id)}`
        : `/catalog/services/${encodeURIComponent(id)}/versions/${version}`;
      return getJson(path, Service);
    },

    listPlaces: () => getJson('/catalog/places', z.array(Place)),

    submit: async (body: SubmitApplicationRequest, idempotencyKey: string, onUploadProgress?: (share: number) => void): Promise<SubmitOutcome> => {
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      };
      const response = onUploadProgress && !options.fetch && typeof XMLHttpRequest !== 'undefined'
        ? await sendWithProgress(url('/applications'), init, onUploadProgress)
        : await request('/applications', init);
      if (!response.ok) throw await problemFrom(response, '/applications');
      const receipt = await parseBody(response, Receipt, '/applications');
      return { kind: 'receipt', receipt };
    },

    // The print style sheet shows only the receipt; the browser's dialog prints it or saves a PDF.
    printReceipt: async () => {
      globalThis.print();
    },
  };
}

/**
 * Sends a request with XMLHttpRequest, because fetch cannot report upload progress, and returns
 * the answer as a Response so that the same parsing and error mapping apply.
 */
function sendWithProgress(target: string, init: { method: string; headers: Record<string, string>; body: string }, onProgress: (share: number) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, target);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new BackendUnavailableError(`${init.method} ${target} failed: no response`));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      const headers = new Headers({ 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' });
      resolve(new Response(xhr.responseText, { status: xhr.status, headers }));
    };
    xhr.send(init.body);
  });
}

async function parseBody<T>(response: Response, schema: z.ZodType<T>, path: string): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new BackendUnavailableError(`${path}: response body is not JSON`, { cause: error });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new BackendUnavailableError(`${path}: response does not match the API contract: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Reads problem details from an error response. A gateway error page or an empty body still
 * becomes a Problem, with the status code, so the app can show a sensible message.
 */
async function problemFrom(response: Response, path: string): Promise<Error> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = null;
  }

  const parsed = Problem.safeParse(body);
  if (parsed.success) return new ProblemError(parsed.data);

  // 502 to 504 come from a proxy in front of an unreachable portal, so they count as no response.
  if (response.status >= 502 && response.status <= 504) {
    return new BackendUnavailableError(`${path}: HTTP ${response.status} from a gateway`);
  }

  return new ProblemError({
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: `${path} answered HTTP ${response.status} without problem details`,
  });
}
