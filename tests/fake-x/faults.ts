// Fault injection: what a flaky network or a stricter X account would do to the extension.
// Endpoints are named by method and route template, e.g. 'GET /2/users/search'; '*' means any.

export interface StatusFault {
  status: number;
  remaining: number;
  body?: unknown;
}

export class Faults {
  private readonly latencies = new Map<string, number>();
  private readonly statuses = new Map<string, StatusFault>();
  private readonly drops = new Map<string, number>();
  /** When on, users/search answers X's "client-not-enrolled" 403. */
  usersSearchForbidden = false;

  constructor(
    private readonly hooks: {
      revokeToken(token: string): boolean;
      advanceClock(ms: number): void;
      setTokenLifetime(seconds: number): void;
      setRateLimit(endpoint: string, limit: number, windowMs?: number): void;
    },
  ) {}

  /** Delay every answer of `endpoint` (or of everything) by `ms`. */
  latency(ms: number, endpoint = '*'): void {
    if (ms <= 0) this.latencies.delete(endpoint);
    else this.latencies.set(endpoint, ms);
  }

  /** The next `count` calls of `endpoint` answer `status` (with X's generic problem body unless given). */
  failNext(endpoint: string, status: number, count = 1, body?: unknown): void {
    this.statuses.set(endpoint, { status, remaining: count, ...(body === undefined ? {} : { body }) });
  }

  /** The next `count` calls of `endpoint` get their connection destroyed without an answer. */
  dropNext(endpoint: string, count = 1): void {
    this.drops.set(endpoint, count);
  }

  setUsersSearchForbidden(on = true): void {
    this.usersSearchForbidden = on;
  }

  /** Revoke an OAuth 1.0a access token or an OAuth 2.0 access/refresh token, as a user would in settings. */
  revokeToken(token: string): boolean {
    return this.hooks.revokeToken(token);
  }

  advanceClock(ms: number): void {
    this.hooks.advanceClock(ms);
  }

  /** Lifetime of OAuth 2.0 access tokens issued from now on (X: 7200 s). */
  setTokenLifetime(seconds: number): void {
    this.hooks.setTokenLifetime(seconds);
  }

  setRateLimit(endpoint: string, limit: number, windowMs?: number): void {
    this.hooks.setRateLimit(endpoint, limit, windowMs);
  }

  clear(): void {
    this.latencies.clear();
    this.statuses.clear();
    this.drops.clear();
    this.usersSearchForbidden = false;
  }

  latencyFor(endpoint: string): number {
    return (this.latencies.get(endpoint) ?? 0) + (this.latencies.get('*') ?? 0);
  }

  takeDrop(endpoint: string): boolean {
    return this.takeCounted(this.drops, endpoint) || this.takeCounted(this.drops, '*');
  }

  takeStatus(endpoint: string): StatusFault | undefined {
    for (const key of [endpoint, '*']) {
      const fault = this.statuses.get(key);
      if (!fault) continue;
      fault.remaining--;
      if (fault.remaining <= 0) this.statuses.delete(key);
      return fault;
    }
    return undefined;
  }

  private takeCounted(map: Map<string, number>, key: string): boolean {
    const left = map.get(key);
    if (!left) return false;
    if (left <= 1) map.delete(key);
    else map.set(key, left - 1);
    return true;
  }
}
