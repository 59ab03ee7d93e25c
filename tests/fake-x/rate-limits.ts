// Per-endpoint, per-user rate limits in 15-minute windows, with the x-rate-limit-* headers X sends,
// and the 24-hour caps some endpoints add per user and per app, with X's x-user-limit-24hour-*
// and x-app-limit-24hour-* headers. Values are those of the project's X API notes and X's
// rate-limit page (docs.x.com/x-api/fundamentals/rate-limits); tests can override them.
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
  'GET /2/tweets/counts/recent': 300,
};

export const DAY_MS = 24 * 60 * 60_000;

/** Whose 24-hour cap: each user's own, or the whole app's (every user of its keys together). */
export type DailyScope = 'user' | 'app';

/**
 * The endpoints X caps per 24 hours besides their 15-minute windows: creating posts (100 per
 * user, 10,000 per app), likes (1,000 per user) and people search (10,000 per app).
 */
export const DAILY_LIMITS: Record<string, Partial<Record<DailyScope, number>>> = {
  'POST /2/tweets': { user: 100, app: 10_000 },
  'POST /2/users/:id/likes': { user: 1_000 },
  'GET /2/users/search': { app: 10_000 },
};

/** What a test sets on a 24-hour cap: counters as X would report them in its headers. */
export interface DailyCapSetting {
  endpoint: string;
  scope: DailyScope;
  /** The cap itself; the endpoint's default when left out. */
  limit?: number;
  /** Calls left now; a full cap when left out. */
  remaining?: number;
  /** How long until the cap resets, in ms from now (at most 24 hours); a full day when left out. */
  resetInMs?: number;
  /** A user cap for this user id only; every user when left out. */
  userId?: string;
}

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
  private readonly dailyLimits = new Map<string, number>();
  private readonly dailyBuckets = new Map<string, Bucket>();
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
    this.dailyLimits.clear();
    this.dailyBuckets.clear();
    this.defaultWindowMs = WINDOW_MS;
  }

  /**
   * Sets a 24-hour cap's counters, e.g. "no posts left for anyone, for 20 more hours":
   * `{ endpoint: 'POST /2/tweets', scope: 'user', remaining: 0, resetInMs: 20 * 3600_000 }`.
   */
  setDaily(setting: DailyCapSetting): void {
    const limit = setting.limit ?? this.dailyLimitOf(setting.endpoint, setting.scope);
    if (limit === undefined) throw new Error(`${setting.endpoint} has no ${setting.scope} 24-hour cap`);
    this.dailyLimits.set(`${setting.endpoint}|${setting.scope}`, limit);
    const resetInMs = Math.min(Math.max(setting.resetInMs ?? DAY_MS, 0), DAY_MS);
    const bucket: Bucket = {
      windowStart: this.clock.now() + resetInMs - DAY_MS,
      used: limit - Math.min(Math.max(setting.remaining ?? limit, 0), limit),
    };
    const who = setting.scope === 'app' ? 'app' : (setting.userId ?? '*');
    if (who === '*') {
      // Every user's counters start again from this setting.
      for (const key of this.dailyBuckets.keys())
        if (key.startsWith(`${setting.endpoint}|user|`)) this.dailyBuckets.delete(key);
    }
    this.dailyBuckets.set(`${setting.endpoint}|${setting.scope}|${who}`, bucket);
  }

  private dailyLimitOf(endpoint: string, scope: DailyScope): number | undefined {
    return this.dailyLimits.get(`${endpoint}|${scope}`) ?? DAILY_LIMITS[endpoint]?.[scope];
  }

  /** The live 24-hour bucket of one scope; a user's own counters start from those set for every user. */
  private dailyBucket(endpoint: string, scope: DailyScope, who: string, now: number): Bucket {
    const key = `${endpoint}|${scope}|${who}`;
    let bucket = this.dailyBuckets.get(key);
    if (!bucket && scope === 'user') {
      const everyone = this.dailyBuckets.get(`${endpoint}|user|*`);
      if (everyone) bucket = { ...everyone };
    }
    if (!bucket || now >= bucket.windowStart + DAY_MS) bucket = { windowStart: now, used: 0 };
    this.dailyBuckets.set(key, bucket);
    return bucket;
  }

  /**
   * Count one call of `endpoint` by `who`; undefined when the endpoint is not rate limited.
   * A call is refused when its 15-minute window or either 24-hour cap is spent.
   */
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
    const daily: { scope: DailyScope; limit: number; bucket: Bucket }[] = [];
    for (const scope of ['app', 'user'] as const) {
      const dailyLimit = this.dailyLimitOf(endpoint, scope);
      if (dailyLimit === undefined) continue;
      daily.push({
        scope,
        limit: dailyLimit,
        bucket: this.dailyBucket(endpoint, scope, scope === 'app' ? 'app' : who, now),
      });
    }
    // A call within the 15-minute window counts there even when a 24-hour cap refuses it
    // (X answers such a 429 with x-rate-limit-remaining one lower); the caps count only what passes.
    const withinWindow = bucket.used < limit;
    if (withinWindow) bucket.used++;
    const allowed = withinWindow && daily.every((cap) => cap.bucket.used < cap.limit);
    if (allowed) for (const cap of daily) cap.bucket.used++;
    const headers: Record<string, string> = {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - bucket.used)),
      'x-rate-limit-reset': String(Math.ceil((bucket.windowStart + windowMs) / 1000)),
    };
    for (const cap of daily) {
      const prefix = `x-${cap.scope}-limit-24hour`;
      headers[`${prefix}-limit`] = String(cap.limit);
      headers[`${prefix}-remaining`] = String(Math.max(0, cap.limit - cap.bucket.used));
      headers[`${prefix}-reset`] = String(Math.ceil((cap.bucket.windowStart + DAY_MS) / 1000));
    }
    return { allowed, headers };
  }
}
