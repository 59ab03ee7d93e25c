import type { SingleTwitterRateLimit, TwitterRateLimit } from 'twitter-api-v2';
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { XError } from './errors';
import { formatUntil } from './limit-time';

interface Window {
  remaining: number;
  /** Epoch ms when the window resets. */
  reset: number;
}

/** Where spent limits are kept between runs of the worker: `[key, window]` pairs. */
export interface SpentLimitStore {
  load(): Promise<[string, Window][]>;
  save(spent: [string, Window][]): Promise<void>;
}

const SPENT_KEY = 'xSpentLimits';

/**
 * storage.session: it outlives a stopped service worker (so a 24-hour cap is still known
 * when the worker starts again an hour later) and, by default, no content script can read it.
 */
export const sessionLimitStore: SpentLimitStore = {
  async load() {
    const stored = (await browser.storage.session.get(SPENT_KEY))[SPENT_KEY];
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (entry): entry is [string, Window] =>
        Array.isArray(entry) &&
        typeof entry[0] === 'string' &&
        typeof entry[1]?.remaining === 'number' &&
        typeof entry[1]?.reset === 'number',
    );
  },
  async save(spent) {
    await browser.storage.session.set({ [SPENT_KEY]: spent });
  },
};

/** The endpoint whose limits X words as a posting limit. */
const CREATE_POST = 'POST /2/tweets';

/**
 * What X last said about each endpoint's limits, per acting account and for the whole app.
 * An endpoint can have three at once (X's rate-limit page, docs.x.com/x-api/fundamentals/rate-limits):
 * the 15-minute window (`x-rate-limit-*`), a 24-hour cap per user (`x-user-limit-24hour-*`,
 * twitter-api-v2's `rateLimit.userDay`) and a 24-hour cap per app shared by every account
 * signed in with the same keys (`x-app-limit-24hour-*`, `rateLimit.day`). A call that would go
 * over any of them is refused here, before it is sent: nothing reaches that endpoint until
 * the latest reset among the spent ones.
 */
export class RateLimits {
  private readonly windows = new Map<string, Window>();
  private restored: Promise<void> | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly store: SpentLimitStore | null = null,
  ) {}

  /** Resolves once the limits spent in an earlier run of the worker are known again. */
  ready(): Promise<void> {
    this.restored ??= (this.store?.load() ?? Promise.resolve([])).then(
      (spent) => {
        for (const [key, window] of spent) if (!this.windows.has(key)) this.windows.set(key, window);
      },
      // Without the stored limits, X's next 429 teaches them again.
      () => undefined,
    );
    return this.restored;
  }

  /** Keeps the limits that are spent now, so a restarted worker does not send before their reset. */
  private persist(): void {
    if (!this.store) return;
    const now = this.now();
    const spent = [...this.windows].filter(([, window]) => window.remaining <= 0 && window.reset > now);
    this.store.save(spent).catch(() => undefined);
  }

  /** The keys of the windows that apply to one account's calls to one endpoint. */
  private keys(accountId: string, endpoint: string) {
    return {
      window: `${accountId} ${endpoint}`,
      userDay: `${accountId} ${endpoint} 24h`,
      appDay: `app ${endpoint} 24h`,
    };
  }

  private set(key: string, limit: SingleTwitterRateLimit | undefined): void {
    if (!limit || !Number.isFinite(limit.remaining) || !Number.isFinite(limit.reset)) return;
    this.windows.set(key, { remaining: limit.remaining, reset: limit.reset * 1000 });
  }

  /**
   * Records the limits of an answer, as twitter-api-v2 parses them (reset in epoch seconds).
   * `refused` is true for a 429: when none of the headers shows a spent limit, X refused
   * anyway, so the 15-minute window is taken as spent until its reset.
   */
  record(accountId: string, endpoint: string, rateLimit: TwitterRateLimit, refused = false): void {
    const keys = this.keys(accountId, endpoint);
    this.set(keys.window, rateLimit);
    this.set(keys.userDay, rateLimit.userDay);
    this.set(keys.appDay, rateLimit.day);
    if (refused && this.blockedUntil(accountId, endpoint) === null) {
      this.windows.set(keys.window, { remaining: 0, reset: rateLimit.reset * 1000 });
    }
    this.persist();
  }

  /** The gate for one account's client. */
  gateFor(accountId: string) {
    return {
      beforeSend: (endpoint: string) => this.check(accountId, endpoint),
      afterAnswer: (endpoint: string, rateLimit: TwitterRateLimit, refused?: boolean) =>
        this.record(accountId, endpoint, rateLimit, refused),
    };
  }

  /** Epoch ms until which the endpoint is closed to this account, or null when it is open. */
  blockedUntil(accountId: string, endpoint: string): number | null {
    const now = this.now();
    let until: number | null = null;
    for (const key of Object.values(this.keys(accountId, endpoint))) {
      const window = this.windows.get(key);
      if (!window || window.reset <= now || window.remaining > 0) continue;
      until = Math.max(until ?? 0, window.reset);
    }
    return until;
  }

  /**
   * Throws a rate-limited XError (with `until`, epoch ms) when any limit of the endpoint is
   * spent: "Posting limit reached until …" for creating posts, X's general wording otherwise.
   * The time carries its day whenever it is not today, as a 24-hour cap's reset usually is.
   */
  check(accountId: string, endpoint: string): void {
    const until = this.blockedUntil(accountId, endpoint);
    if (until === null) return;
    const when = formatUntil(until, this.now());
    const message = endpoint === CREATE_POST ? t('xPostingLimited', when) : t('xRateLimited', when);
    throw new XError('rate-limited', message, until);
  }
}
