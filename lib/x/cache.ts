import type { IDBPDatabase } from 'idb';
import type { XCrmDb } from '../store/schema';

/**
 * The shape of what is cached (people and posts as the pages use them). Raised whenever those
 * shapes change, so that entries an earlier version stored, missing fields the pages now
 * read (a post's parts, a bio's parts, `protected`), are read again instead of shown.
 * 3: a handle's entry holds the person's id, the person being kept once, under their id.
 */
export const CACHE_SHAPE = 3;

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
        await this.put(key, value);
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  /**
   * Keeps `value` under `key` as fetched now: an answer that brought more than was asked for
   * (the people of a search page) so a later read of one of them costs no call.
   */
  async put(key: string, value: unknown): Promise<void> {
    await (await this.db()).put('cache', { key, value, fetchedAt: this.now(), shape: CACHE_SHAPE });
  }
}
