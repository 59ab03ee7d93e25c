import {
  ApiRequestError,
  ApiResponseError,
  type ITwitterApiClientPlugin,
  type TwitterApiErrorData,
  type TwitterRateLimit,
  type TwitterResponse,
} from 'twitter-api-v2';

type RequestArgs = { url: URL; method: string; headers: Record<string, string>; body?: string | Uint8Array };
type Fetch = typeof fetch;

/**
 * The rate-limit bucket of a request: method and path with ids replaced, as X counts
 * limits per endpoint, not per user or post.
 */
export function endpointOf(method: string, url: URL): string {
  return `${method.toUpperCase()} ${url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/by\/username\/[^/]+/, '/by/username/:username')}`;
}

/** X answers these endpoints form-encoded (OAuth 1.0a token exchange). */
const isFormEncoded = (url: URL) => url.pathname.startsWith('/oauth/');

function rateLimitOf(headers: Headers): TwitterRateLimit | undefined {
  const limit = headers.get('x-rate-limit-limit');
  if (limit === null) return undefined;
  return {
    limit: Number(limit),
    remaining: Number(headers.get('x-rate-limit-remaining')),
    reset: Number(headers.get('x-rate-limit-reset')),
  };
}

function parseBody(text: string, contentType: string, url: URL): unknown {
  if (/json/.test(contentType)) return text.length ? JSON.parse(text) : undefined;
  if (isFormEncoded(url)) return Object.fromEntries(new URLSearchParams(text));
  return text;
}

/**
 * Sends every twitter-api-v2 request with `fetch` instead of Node's https: the request is
 * signed by the library's own request builder, so OAuth and parameters are exactly what
 * the library would send, and the answer is returned in the library's own shapes.
 */
/** Watches every request: may refuse one before it is sent, and hears each rate limit. */
export interface RequestGate {
  beforeSend(endpoint: string): void;
  afterAnswer(endpoint: string, rateLimit: TwitterRateLimit): void;
}

export function fetchTransport(
  fetchImpl: Fetch = (...args) => fetch(...args),
  gate?: RequestGate,
): ITwitterApiClientPlugin {
  return {
    async onBeforeRequestConfig({ client, params }) {
      // getHttpRequestArgs is protected in the typings but is the library's signing step.
      const builder = client as unknown as { getHttpRequestArgs(p: typeof params): RequestArgs };
      const args = builder.getHttpRequestArgs(params);
      const endpoint = endpointOf(args.method, args.url);
      gate?.beforeSend(endpoint);
      let response: Response;
      try {
        response = await fetchImpl(args.url.toString(), {
          method: args.method,
          headers: args.headers,
          body: args.body as BodyInit | undefined,
        });
      } catch (error) {
        throw new ApiRequestError('Request failed.', { request: undefined as never, error: error as Error });
      }
      const headers = Object.fromEntries(response.headers.entries());
      const rateLimit = rateLimitOf(response.headers);
      if (rateLimit) gate?.afterAnswer(endpoint, rateLimit);
      const text = await response.text();
      let data: unknown;
      try {
        data = parseBody(text, response.headers.get('content-type') ?? '', args.url);
      } catch {
        data = text;
      }
      if (!response.ok) {
        throw new ApiResponseError(`Request failed with code ${response.status}`, {
          code: response.status,
          data: data as TwitterApiErrorData,
          headers,
          rateLimit,
          request: undefined as never,
          response: undefined as never,
        });
      }
      return { data, headers, rateLimit } as TwitterResponse<unknown>;
    },
  };
}
