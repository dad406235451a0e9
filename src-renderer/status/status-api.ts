// The two portal calls of the status page, with responses parsed by the shared zod schemas.
// Failures become a StatusApiError with the portal's German `userMessage` where it sent one.
import { z } from 'zod';
import { API_PREFIX, CitizenStatusView, Problem, type CitizenReplyRequest } from '../../src-shared/index.ts';

export class StatusApiError extends Error {
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  /** German sentence to show; null when the page must choose its own. */
  readonly userMessage: string | null;
  readonly fieldErrors: { path: string; message: string }[];

  constructor(status: number, message: string, userMessage: string | null, fieldErrors: { path: string; message: string }[] = []) {
    super(message);
    this.name = 'StatusApiError';
    this.status = status;
    this.userMessage = userMessage;
    this.fieldErrors = fieldErrors;
  }
}

export interface Credentials {
  reference: string;
  accessCode: string;
}

export interface StatusApi {
  lookup(credentials: Credentials): Promise<CitizenStatusView>;
  /** Sends a reply; `onProgress` gets the uploaded share from 0 to 1. */
  reply(request: CitizenReplyRequest, idempotencyKey: string, onProgress?: (share: number) => void): Promise<CitizenStatusView>;
}

export function createStatusApi(baseUrl = window.location.origin): StatusApi {
  return {
    lookup: (credentials) => postJson(`${baseUrl}${API_PREFIX}/status`, credentials, {}),
    reply: (request, idempotencyKey, onProgress) =>
      postJson(`${baseUrl}${API_PREFIX}/status/reply`, request, { 'idempotency-key': idempotencyKey }, onProgress),
  };
}

/** XMLHttpRequest rather than fetch, because only it reports upload progress. */
function postJson(url: string, body: unknown, headers: Record<string, string>, onProgress?: (share: number) => void): Promise<CitizenStatusView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', 'application/json');
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);

    if (onProgress) {
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
    }
    request.onerror = () => reject(new StatusApiError(0, `POST ${url}: no response`, null));
    request.ontimeout = request.onerror;
    request.onload = () => {
      const parsedBody = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        const view = CitizenStatusView.safeParse(parsedBody);
        if (view.success) resolve(view.data);
        else reject(new StatusApiError(request.status, `POST ${url}: response does not match the contract: ${z.prettifyError(view.error)}`, null));
        return;
      }
      const problem = Problem.safeParse(parsedBody);
      reject(problem.success
        ? new StatusApiError(problem.data.status, problem.data.detail, problem.data.userMessage ?? null, problem.data.errors ?? [])
        : new StatusApiError(request.status, `POST ${url}: HTTP ${request.status} without problem details`, null));
    };
    request.send(JSON.stringify(body));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
