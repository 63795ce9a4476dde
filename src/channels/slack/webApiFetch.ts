/**
 * The Web API client's transport (WebClient's documented `fetch` option): undici's `request`
 * instead of the global fetch. The global fetch builds WHATWG streams, a Request and abort
 * signals for every call, and a reply costs a Web API call or two: `request` is the same HTTP
 * client (undici, keep-alive pool) without those layers, at well under half the CPU per call
 * (BENCHMARKS.md, "Before and after").
 *
 * The response is read whole before it is returned: Web API answers are small JSON, and the
 * client reads every one of them anyway. Bodies other than text (file uploads as FormData) go
 * through the global fetch, which knows how to encode them.
 */
import type { webApi } from '@slack/bolt';
import { request } from 'undici';

type FetchFunction = webApi.FetchFunction;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type Init = Parameters<FetchFunction>[1];

export const webApiFetch: FetchFunction = async (url, init: Init = {}) => {
  if (init.body !== undefined && typeof init.body !== 'string') return globalThis.fetch(url, init as RequestInit) as Promise<FetchResponse>;
  // No redirect is followed (`request` never does), as the client's `redirect: 'error'` asks:
  // a 3xx reaches it as a non-200 status, which it reports as an HTTP error.
  const response = await request(url, { method: (init.method ?? 'GET') as 'POST', headers: init.headers, body: init.body, signal: init.signal });
  const raw = await response.body.arrayBuffer();
  // undici gives header names in lower case; a repeated header is joined as fetch joins it.
  const header = (name: string): string | null => {
    const value = response.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  const headers = {
    get: header,
    entries: () => Object.keys(response.headers).map((name): [string, string] => [name, header(name)!]),
  };
  const text = () => Buffer.from(raw).toString('utf8');
  return {
    ok: response.statusCode >= 200 && response.statusCode < 300,
    status: response.statusCode,
    statusText: response.statusText ?? '',
    url: String(url),
    headers,
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
    arrayBuffer: async () => raw,
  };
};
