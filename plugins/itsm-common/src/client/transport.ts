import { ResponseError } from '@backstage/errors';
import type { Middleware } from 'openapi-fetch';

/**
 * What openapi-fetch builds its requests on until {@link resolveBaseUrl}
 * puts the plugin's discovered URL in its place. The reserved `.invalid`
 * name never resolves, so a request that skipped it fails instead of
 * leaving the browser.
 */
export const PENDING_BASE_URL = 'http://itsm.invalid';

/** Rebases each request on `discoveryApi.getBaseUrl('itsm')`, asked per request. */
export function resolveBaseUrl(discoveryApi: {
  getBaseUrl(pluginId: string): Promise<string>;
}): Middleware {
  return {
    async onRequest({ request }) {
      const baseUrl = await discoveryApi.getBaseUrl('itsm');
      const pathAndQuery = request.url.slice(PENDING_BASE_URL.length);
      return new Request(`${baseUrl}${pathAndQuery}`, await initOf(request));
    },
  };
}

/**
 * Turns a non-2xx answer into a `ResponseError` (with the backend's error
 * body) before openapi-fetch parses it, so every call either returns its
 * 2xx body or throws.
 */
export const throwOnError: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return undefined;
  },
};

/** Sends openapi-fetch's requests through the Backstage fetchApi as `fetch(url, init)`. */
export function fetchThrough(fetchApi: {
  fetch: typeof fetch;
}): (request: Request) => Promise<Response> {
  return async request => fetchApi.fetch(request.url, await initOf(request));
}

async function initOf(request: Request): Promise<RequestInit> {
  return {
    method: request.method,
    headers: request.headers,
    body: request.body ? await request.text() : undefined,
    signal: request.signal,
  };
}

/** The 2xx body of a call; {@link throwOnError} has thrown on anything else. */
export function dataOf<T>(result: { data?: T }): T {
  if (result.data === undefined) {
    throw new Error('The ITSM backend answered without a body');
  }
  return result.data;
}

/** A list parameter as the API takes it: comma-separated. */
export function commaList(values?: readonly string[]): string | undefined {
  return values?.join(',');
}

/**
 * The query string of the defined, non-empty values, encoded by
 * URLSearchParams (so `,` in a comma-separated list is sent as `%2C`).
 */
export function toQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}
