// Which query parameters each v2 endpoint takes, checked before the handler runs, as X does:
// an unknown parameter, or an unknown value in a fields/expansions list, is a 400 even when
// the answer would have been empty. Names and values follow X's OpenAPI description (v2.167)
// in X's wire words (tweet.fields, not post.fields).
import type { Pair } from './http-util';
import { invalidRequest } from './problems';
import { listParam, TWEET_EXPANSIONS, TWEET_FIELDS, USER_EXPANSIONS, USER_FIELDS } from './render';

export const MEDIA_FIELDS = [
  'alt_text',
  'duration_ms',
  'height',
  'media_key',
  'non_public_metrics',
  'organic_metrics',
  'preview_image_url',
  'promoted_metrics',
  'public_metrics',
  'type',
  'url',
  'variants',
  'width',
] as const;

export const POLL_FIELDS = ['duration_minutes', 'end_datetime', 'id', 'options', 'voting_status'] as const;

export const PLACE_FIELDS = [
  'contained_within',
  'country',
  'country_code',
  'full_name',
  'geo',
  'id',
  'name',
  'place_type',
] as const;

/** Lists an endpoint whose primary objects are users takes. */
const USER_LISTS: Record<string, readonly string[]> = {
  'user.fields': USER_FIELDS,
  expansions: USER_EXPANSIONS,
  'tweet.fields': TWEET_FIELDS,
};

/** Lists an endpoint whose primary objects are posts takes. */
const POST_LISTS: Record<string, readonly string[]> = {
  'tweet.fields': TWEET_FIELDS,
  expansions: TWEET_EXPANSIONS,
  'user.fields': USER_FIELDS,
  'media.fields': MEDIA_FIELDS,
  'poll.fields': POLL_FIELDS,
  'place.fields': PLACE_FIELDS,
};

const TIME_WINDOW = ['start_time', 'end_time', 'since_id', 'until_id'];

interface Accepted {
  lists: Record<string, readonly string[]>;
  /** other parameters, checked by the handler (or, for the time window, only for their form) */
  plain: readonly string[];
}

/** Endpoint (`METHOD template`, as routes name it) → what it accepts. Writes take no query. */
const ACCEPTED: Record<string, Accepted> = {
  'GET /2/users/search': { lists: USER_LISTS, plain: ['query', 'max_results', 'next_token'] },
  'GET /2/users/me': { lists: USER_LISTS, plain: [] },
  'GET /2/users/by/username/:username': { lists: USER_LISTS, plain: [] },
  'GET /2/users/by': { lists: USER_LISTS, plain: ['usernames'] },
  'GET /2/users/:id': { lists: USER_LISTS, plain: [] },
  'GET /2/users/:id/followers': { lists: USER_LISTS, plain: ['max_results', 'pagination_token'] },
  'GET /2/users/:id/following': { lists: USER_LISTS, plain: ['max_results', 'pagination_token'] },
  'GET /2/users/:id/tweets': {
    lists: POST_LISTS,
    plain: ['max_results', 'pagination_token', 'exclude', ...TIME_WINDOW],
  },
  'GET /2/users/:id/mentions': {
    lists: POST_LISTS,
    plain: ['max_results', 'pagination_token', ...TIME_WINDOW],
  },
  'GET /2/tweets/search/recent': {
    lists: POST_LISTS,
    plain: ['query', 'max_results', 'next_token', 'pagination_token', 'sort_order', ...TIME_WINDOW],
  },
  'GET /2/tweets/counts/recent': {
    lists: { 'search_count.fields': ['end', 'start', 'tweet_count'] },
    plain: ['query', 'granularity', 'next_token', 'pagination_token', ...TIME_WINDOW],
  },
  'GET /2/tweets': { lists: POST_LISTS, plain: ['ids'] },
  'GET /2/tweets/:id': { lists: POST_LISTS, plain: [] },
};

const SNOWFLAKE = /^[0-9]{1,19}$/;
// RFC 3339 date-time, as the description's `format: date-time` means it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Refuses, with X's 400 invalid-request problem, a query the endpoint does not take: a
 * parameter it does not list, a list value it does not know, a malformed time window or
 * `exclude`/`sort_order` value. Endpoints not in the table (writes) take no query parameters.
 * Throws HttpError; returns nothing when the query is acceptable.
 */
export function checkQuery(endpoint: string, query: Pair[]): void {
  const accepted = ACCEPTED[endpoint] ?? { lists: {}, plain: [] };
  const names = [...Object.keys(accepted.lists), ...accepted.plain];
  for (const [name, value] of query) {
    if (!names.includes(name)) {
      throw invalidRequest(name, [value], `The query parameter [${name}] is not one of [${names.join(',')}]`);
    }
  }
  for (const [name, allowed] of Object.entries(accepted.lists)) listParam(query, name, allowed);
  for (const [name, value] of query) {
    const bad =
      ((name === 'since_id' || name === 'until_id') && !SNOWFLAKE.test(value)) ||
      ((name === 'start_time' || name === 'end_time') && !DATE_TIME.test(value)) ||
      (name === 'exclude' && !value.split(',').every((v) => v === 'replies' || v === 'retweets')) ||
      (name === 'sort_order' && value !== 'recency' && value !== 'relevancy') ||
      (name === 'granularity' && !['minute', 'hour', 'day'].includes(value));
    if (bad) {
      throw invalidRequest(name, [value], `The \`${name}\` query parameter value [${value}] is not valid`);
    }
  }
}
