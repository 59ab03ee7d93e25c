// Per-endpoint, per-user rate limits in 15-minute windows, with the x-rate-limit-* headers X sends.
// Values are the per-user limits of the project's X API notes; tests can override them.
import type { Clock } from './clock';

export const WINDOW_MS = 15 * 60_000;

export const DEFAULT_LIMITS: Record<string, number> = {
  'GET /2/users/search': 900,
  'GET /2/users/by/username/:username': 900,
  'GET /2/users/by': 900,
  'GET /2/users/me': 75,
  'GET /2/users/:id': 900,
  'GET /2/users/:id/followers': 300,
  'GET /2/users/:id/following': 300,
  'POST /2/users/:id/following': 50,
  'DELETE /2/users/:source_user_id/following/:target_user_id': 50,
  'GET /2/users/:id/tweets': 900,
  'GET /2/users/:id/mentions': 300,
  'POST /2/tweets': 100,
  'DELETE /2/tweets/:id': 50,
  'GET /2/tweets/:id': 900,
  'POST /2/users/:id/retweets': 50,
  'DELETE /2/users/:id/retweets/:tweet_id': 50,
  'POST /2/users/:id/likes': 50,
  'DELETE /2/users/:id/likes/:tweet_id': 50,
  'GET /2/tweets/search/recent': 300,
};

export interface RateLimitOutcome {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Bucket {
  windowStart: number;
  used: number;
}

export class RateLimiter {
  private readonly overrides = new Map<string, { limit: number; windowMs: number }>();
  private readonly buckets = new Map<string, Bucket>();
  private defaultWindowMs = WINDOW_MS;

  constructor(private readonly clock: Clock) {}

  /** Change one endpoint's limit (and optionally its window) for the rest of the run or until reset. */
  set(endpoint: string, limit: number, windowMs?: number): void {
    this.overrides.set(endpoint, { limit, windowMs: windowMs ?? this.defaultWindowMs });
  }

  setWindow(windowMs: number): void {
    this.defaultWindowMs = windowMs;
  }

  reset(): void {
    this.overrides.clear();
    this.buckets.clear();
    this.defaultWindowMs = WINDOW_MS;
  }

  /** Count one call of `endpoint` by `who`; undefined when the endpoint is not rate limited. */
  take(endpoint: string, who: string): RateLimitOutcome | undefined {
    const override = this.overrides.get(endpoint);
    const limit = override?.limit ?? DEFAULT_LIMITS[endpoint];
    if (limit === undefined) return undefined;
    const windowMs = override?.windowMs ?? this.defaultWindowMs;
    const now = this.clock.now();
    const key = `${endpoint}|${who}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.windowStart + windowMs) {
      bucket = { windowStart: now, used: 0 };
      this.buckets.set(key, bucket);
    }
    const allowed = bucket.used < limit;
    if (allowed) bucket.used++;
    return {
      allowed,
      headers: {
        'x-rate-limit-limit': String(limit),
        'x-rate-limit-remaining': String(Math.max(0, limit - bucket.used)),
        'x-rate-limit-reset': String(Math.ceil((bucket.windowStart + windowMs) / 1000)),
      },
    };
  }
}
