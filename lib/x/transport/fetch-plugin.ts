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
  // The first segment is the API version ("/2"), not an id: X names endpoints "POST /2/tweets".
  const [version = '', ...rest] = url.pathname.slice(1).split('/');
  const path = `/${version}${rest.map((segment) => (/^\d+$/.test(segment) ? '/:id' : `/${segment}`)).join('')}`;
  return `${method.toUpperCase()} ${path.replace(/\/by\/username\/[^/]+/, '/by/username/:username')}`;
}

/** X answers these endpoints form-encoded (OAuth 1.0a token exchange). */
const isFormEncoded = (url: URL) => url.pathname.startsWith('/oauth/');

/**
 * The limits an answer reports, exactly as twitter-api-v2 reads them from Node's answers
 * (RequestHandlerHelper.getRateLimitFromResponse): the 15-minute window, and beside it, only
 * when that is present, the app's and the user's 24-hour caps (`day`, `userDay`). Any header
 * that is missing or empty leaves its part out, as the library does.
 */
export function rateLimitOf(headers: Headers): TwitterRateLimit | undefined {
  const single = (prefix: string) =>
    headers.get(`${prefix}-limit`)
      ? {
          limit: Number(headers.get(`${prefix}-limit`)),
          remaining: Number(headers.get(`${prefix}-remaining`)),
          reset: Number(headers.get(`${prefix}-reset`)),
        }
      : undefined;
  const window = single('x-rate-limit');
  if (!window) return undefined;
  const rateLimit: TwitterRateLimit = window;
  const day = single('x-app-limit-24hour');
  if (day) rateLimit.day = day;
  const userDay = single('x-user-limit-24hour');
  if (userDay) rateLimit.userDay = userDay;
  return rateLimit;
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
  /** `refused` is true when X answered 429. */
  afterAnswer(endpoint: string, rateLimit: TwitterRateLimit, refused?: boolean): void;
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
      if (rateLimit) gate?.afterAnswer(endpoint, rateLimit, response.status === 429);
      // The gate now knows which limit X applied (a 24-hour cap can refuse while the
      // 15-minute window has calls left) and says until when, as it will for the next calls.
      if (response.status === 429) gate?.beforeSend(endpoint);
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
