// GET /2/tweets/counts/recent: how many posts recent search would find, per time bucket, without
// returning (or billing) any of them. X takes it with OAuth 2.0 only, a user's token or the
// app's bearer; an OAuth 1.0a signature is refused with 403 Unsupported Authentication.
import type { Caller } from '../auth';
import { json, queryValue, type Reply, type RequestContext } from '../context';
import { invalidRequest, unsupportedAuthentication } from '../problems';
import { matches, parseSearchQuery } from '../search-query';
import { SEVEN_DAYS_MS, timeWindow } from '../time-window';
import { type Api, type ApiRoute, READ_TWEETS } from './api';
import { canSee } from './tweets';

const BUCKET_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

interface CountsAnswer {
  data: { start: string; end: string; tweet_count: number }[];
  meta: { total_tweet_count: number };
}

/** Buckets start on the granularity's boundary (a whole hour, a whole UTC day), as X's do. */
function floorTo(ms: number, size: number): number {
  return Math.floor(ms / size) * size;
}

function countsRecent(ctx: RequestContext, api: Api, caller: Caller): Reply {
  // OAuth 1.0a callers carry no scopes; OAuth 2.0 user tokens always do.
  if (!caller.scopes) throw unsupportedAuthentication('OAuth 2.0 Application-Only, OAuth 2.0 User Context');
  const raw = queryValue(ctx, 'query');
  if (raw === undefined) throw invalidRequest('query', [''], 'The `query` query parameter can not be empty');
  const query = parseSearchQuery(raw, api.state);
  const granularity = (queryValue(ctx, 'granularity') ?? 'hour') as keyof typeof BUCKET_MS;
  const size = BUCKET_MS[granularity];
  const now = api.clock.now();
  const oldest = now - SEVEN_DAYS_MS;
  const inWindow = timeWindow(ctx.query, oldest);
  const startParam = queryValue(ctx, 'start_time');
  const endParam = queryValue(ctx, 'end_time');
  const from = startParam ? Date.parse(startParam) : oldest;
  const to = endParam ? Math.min(Date.parse(endParam), now) : now;
  if (to <= from) {
    throw invalidRequest('end_time', [endParam ?? ''], "Invalid 'end_time': it must be after 'start_time'.");
  }
  const times = api.state
    .postsNewestFirst(
      (post) =>
        post.createdAt >= oldest &&
        inWindow(post) &&
        canSee(api, caller, post.authorId) &&
        matches(query, post),
    )
    .map((post) => post.createdAt);
  const data: CountsAnswer['data'] = [];
  for (let start = floorTo(from, size); start < to; start += size) {
    const end = start + size;
    data.push({
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      tweet_count: times.filter((time) => time >= start && time < end).length,
    });
  }
  const body: CountsAnswer = { data, meta: { total_tweet_count: times.length } };
  return json(body);
}

export const COUNT_ROUTES: ApiRoute[] = [
  { method: 'GET', template: '/2/tweets/counts/recent', scopes: READ_TWEETS, handler: countsRecent },
];
