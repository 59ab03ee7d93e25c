// Shared shapes for the v2 API route modules.
import type { Caller } from '../auth';
import type { Clock } from '../clock';
import type { Reply, RequestContext } from '../context';
import type { Faults } from '../faults';
import { invalidRequest } from '../problems';
import {
  listParam,
  type RenderOptions,
  TWEET_EXPANSIONS,
  TWEET_FIELDS,
  USER_EXPANSIONS,
  USER_FIELDS,
} from '../render';
import type { XState } from '../state';

export interface Api {
  state: XState;
  clock: Clock;
  faults: Faults;
  appId: string;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** path template; its `METHOD template` string names the endpoint for limits, faults and logs */
  template: string;
  /** OAuth 2.0 scopes the endpoint requires (OAuth 1.0a user tokens are unscoped) */
  scopes: readonly string[];
  handler: (ctx: RequestContext, api: Api, caller: Caller) => Reply;
}

export const READ_USERS = ['tweet.read', 'users.read'] as const;
export const READ_FOLLOWS = ['tweet.read', 'users.read', 'follows.read'] as const;
export const WRITE_FOLLOWS = ['tweet.read', 'users.read', 'follows.write'] as const;
export const READ_TWEETS = ['tweet.read', 'users.read'] as const;
export const WRITE_TWEETS = ['tweet.read', 'users.read', 'tweet.write'] as const;
export const WRITE_LIKES = ['tweet.read', 'users.read', 'like.write'] as const;

/** Field and expansion parameters for an endpoint whose primary objects are users or posts. */
export function renderOptionsFor(ctx: RequestContext, api: Api, primary: 'users' | 'tweets'): RenderOptions {
  return {
    state: api.state,
    origin: ctx.origin,
    userFields: listParam(ctx.query, 'user.fields', USER_FIELDS),
    tweetFields: listParam(ctx.query, 'tweet.fields', TWEET_FIELDS),
    expansions: listParam(ctx.query, 'expansions', primary === 'users' ? USER_EXPANSIONS : TWEET_EXPANSIONS),
  };
}

export function checkId(name: string, value: string | undefined): string {
  if (!value || !/^[0-9]{1,19}$/.test(value)) {
    throw invalidRequest(
      name,
      [value ?? ''],
      `The \`${name}\` query parameter value [${value ?? ''}] is not valid`,
    );
  }
  return value;
}

/** The JSON body of a v2 write as an object, or X's 400. */
export function jsonObject(ctx: RequestContext): Record<string, unknown> {
  if (!ctx.json || typeof ctx.json !== 'object' || Array.isArray(ctx.json)) {
    throw invalidRequest('body', [''], 'Request body must be a JSON object');
  }
  return ctx.json as Record<string, unknown>;
}

export function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || !value) {
    throw invalidRequest(
      name,
      [String(value ?? '')],
      `The \`${name}\` field is required and must be a string`,
    );
  }
  return value;
}
