import type { TwitterRateLimit } from 'twitter-api-v2';
import { t } from '../i18n';
import { XError } from './errors';

interface Window {
  remaining: number;
  /** Epoch ms when the window resets. */
  reset: number;
}

/**
 * What X last said about each endpoint's limit, per acting account. A call that would go
 * over is refused here, before it is sent: after a 429, nothing reaches that endpoint
 * until its reset.
 */
export class RateLimits {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(accountId: string, endpoint: string) {
    return `${accountId} ${endpoint}`;
  }

  /** Records the x-rate-limit-* headers of an answer. */
  record(accountId: string, endpoint: string, rateLimit: TwitterRateLimit): void {
    this.windows.set(this.key(accountId, endpoint), {
      remaining: rateLimit.remaining,
      reset: rateLimit.reset * 1000,
    });
  }

  /** The gate for one account's client. */
  gateFor(accountId: string) {
    return {
      beforeSend: (endpoint: string) => this.check(accountId, endpoint),
      afterAnswer: (endpoint: string, rateLimit: TwitterRateLimit) =>
        this.record(accountId, endpoint, rateLimit),
    };
  }

  /** Throws a rate-limited XError when the endpoint has no calls left in its window. */
  check(accountId: string, endpoint: string): void {
    const window = this.windows.get(this.key(accountId, endpoint));
    if (!window || window.reset <= this.now()) return;
    if (window.remaining <= 0) {
      const at = new Date(window.reset).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
      throw new XError('rate-limited', t('xRateLimited', at), window.reset);
    }
  }
}
