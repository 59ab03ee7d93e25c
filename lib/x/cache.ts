import type { IDBPDatabase } from 'idb';
import type { XCrmDb } from '../store/schema';

/**
 * The shape of what is cached (people and posts as the pages use them). Raised whenever those
 * shapes change, so that entries an earlier version stored, missing fields the pages now
 * read (a post's parts, a bio's parts, `protected`), are read again instead of shown.
 * 3: a handle's entry holds the person's id, the person being kept once, under their id.
 */
export const CACHE_SHAPE = 3;

/** How many answers the worker keeps in memory besides IndexedDB (the most recently used). */
const MEMORY_ENTRIES = 200;

interface Held {
  value: unknown;
  fetchedAt: number;
}

/**
 * Reads from X kept in IndexedDB with their fetch time. Within the freshness window a
 * read costs no call; identical reads in flight share one call. The answers used last are
 * also held in the worker's memory, so a warm view is answered without opening a transaction
 * (the worker is the only writer of the cache, so memory and IndexedDB cannot disagree).
 */
export class XCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly memory = new Map<string, Held>();

  constructor(
    private readonly db: () => Promise<IDBPDatabase<XCrmDb>>,
    private readonly now: () => number = Date.now,
  ) {}

  async read<T>(key: string, freshMs: number, load: () => Promise<T>): Promise<T> {
    const held = await this.fresh(key, freshMs);
    // A copy, as IndexedDB would give: a caller that changes what it got changes no other's.
    if (held) return structuredClone(held.value) as T;
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
   * Whether `key` holds an answer younger than `freshMs` (ms), without loading it: a caller
   * that can fetch several keys in one X call asks first.
   */
  async isFresh(key: string, freshMs: number): Promise<boolean> {
    return (await this.fresh(key, freshMs)) !== undefined;
  }

  /**
   * The answer under `key` when it is younger than `freshMs` (ms), else undefined: never a call.
   * For a view made from what the worker holds before anyone asked for it to be read.
   */
  async peek<T>(key: string, freshMs: number): Promise<T | undefined> {
    const held = await this.fresh(key, freshMs);
    return held ? (structuredClone(held.value) as T) : undefined;
  }

  /**
   * Keeps `value` under `key` as fetched now: an answer that brought more than was asked for
   * (the people of a search page, the person in a timeline's `includes`) so a later read of
   * one of them costs no call.
   */
  async put(key: string, value: unknown): Promise<void> {
    const fetchedAt = this.now();
    await (await this.db()).put('cache', { key, value, fetchedAt, shape: CACHE_SHAPE });
    this.hold(key, { value, fetchedAt });
  }

  private async fresh(key: string, freshMs: number): Promise<Held | undefined> {
    let held = this.memory.get(key);
    if (!held) {
      const hit = await (await this.db()).get('cache', key);
      if (!hit || hit.shape !== CACHE_SHAPE) return undefined;
      held = { value: hit.value, fetchedAt: hit.fetchedAt };
    }
    if (this.now() - held.fetchedAt >= freshMs) return undefined;
    this.hold(key, held);
    return held;
  }

  /** Keeps the entry as the most recently used, dropping the least recently used past the cap. */
  private hold(key: string, held: Held) {
    this.memory.delete(key);
    this.memory.set(key, held);
    if (this.memory.size > MEMORY_ENTRIES) {
      const oldest = this.memory.keys().next().value;
      if (oldest !== undefined) this.memory.delete(oldest);
    }
  }
}
