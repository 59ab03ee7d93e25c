import './transport/globals';
import { TwitterApi, type TwitterApiOAuth2Init, type TwitterApiTokens } from 'twitter-api-v2';
import { fetchTransport, type RequestGate } from './transport/fetch-plugin';

/** `fetch` as the X client uses it; tests pass one that reaches the emulator. */
export type XFetch = typeof fetch;

/**
 * A twitter-api-v2 client that sends through `fetch`. Everything else in the extension uses
 * the library's normal API on what this returns.
 */
export function createXClient(
  tokens: TwitterApiTokens | TwitterApiOAuth2Init | string,
  fetchImpl?: XFetch,
  gate?: RequestGate,
): TwitterApi {
  const settings = { plugins: [fetchTransport(fetchImpl, gate)] };
  if (typeof tokens === 'string') return new TwitterApi(tokens, settings);
  if ('clientId' in tokens) return new TwitterApi(tokens, settings);
  return new TwitterApi(tokens, settings);
}
