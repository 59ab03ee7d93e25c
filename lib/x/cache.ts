import type { IDBPDatabase } from 'idb';
import type { XCrmDb } from '../store/schema';

/**
 * The shape of what is cached (people and posts as the pages use them). Raised whenever those
 * shapes change, so that entries an earlier version stored, missing fields the pages now
 * read (a post's parts, a bio's parts, `protected`), are read again instead of shown.
 */
export const CACHE_SHAPE = 2;

/**
 * Reads from X kept in IndexedDB with their fetch time. Within the freshness window a
 * read costs no call; identical reads in flight share one call.
 */
export class XCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: () => Promise<IDBPDatabase<XCrmDb>>,
    private readonly now: () => number = Date.now,
  ) {}

  async read<T>(key: string, freshMs: number, load: () => Promise<T>): Promise<T> {
    const db = await this.db();
    const hit = await db.get('cache', key);
    if (hit && hit.shape === CACHE_SHAPE && this.now() - hit.fetchedAt < freshMs) return hit.value as T;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const loading = load()
      .then(async (value) => {
        await (await this.db()).put('cache', { key, value, fetchedAt: this.now(), shape: CACHE_SHAPE });
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  /** Forgets a key after a write changed what it holds (a follow, a like). */
  async forget(key: string): Promise<void> {
    await (await this.db()).delete('cache', key);
  }
}
