import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAccounts, putAccount } from '@/lib/store/accounts';
import { DB_VERSION, openDatabase } from '@/lib/store/db';
import type { Account, XCrmDb } from '@/lib/store/schema';

/** IndexedDB misbehaving: an old connection holding an upgrade, a full disk in a multi-row write. */

const NAME = 'x-crm-db-faults-test';
afterEach(() => deleteDB(NAME));

describe('a blocked upgrade', () => {
  it('completes: the old connection (version 1) closes itself when version 2 asks', async () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    const released = vi.fn();
    const old = await openDatabase(1, NAME, released);
    expect(old.version).toBe(1);
    expect([...old.objectStoreNames]).not.toContain('appKeys');
    await old.put('associations', {
      key: 'pipedrive/acme/lead/1',
      crm: 'pipedrive',
      tenant: 'acme',
      type: 'lead',
      id: '1',
      xUserId: '42',
      handle: 'kept',
      source: 'search',
      createdAt: 1,
      byAccount: null,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The old connection stays open (an old page of the extension): the upgrade must not hang.
    const upgraded = await Promise.race([
      openDatabase(DB_VERSION, NAME),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the upgrade hung')), 5000)),
    ]);
    warn.mockRestore();
    expect(upgraded.version).toBe(DB_VERSION);
    expect([...upgraded.objectStoreNames]).toContain('appKeys');
    expect(released).toHaveBeenCalledOnce();
    // The data written at version 1 survived the upgrade.
    expect((await upgraded.get('associations', 'pipedrive/acme/lead/1'))?.handle).toBe('kept');
    upgraded.close();
  });
});

function account(xUserId: string, isDefault: boolean): Account {
  return {
    xUserId,
    name: `Account ${xUserId}`,
    handle: `handle${xUserId}`,
    avatarUrl: '',
    authKind: 'oauth1',
    enabled: true,
    isDefault,
    needsSignIn: false,
    oauth1: { token: `t${xUserId}`, tokenSecret: `s${xUserId}` },
  };
}

/**
 * The database with one store whose `put` fails as a full disk does, on the n-th call within
 * a transaction: the request errors with QuotaExceededError and IndexedDB aborts the transaction.
 */
function withFullDisk(db: IDBPDatabase<XCrmDb>, failOnPut: number): IDBPDatabase<XCrmDb> {
  return new Proxy(db, {
    get(target, property) {
      if (property !== 'transaction') return Reflect.get(target, property, target);
      return (...args: Parameters<typeof db.transaction>) => {
        const tx = target.transaction(...args);
        // putAccount stops at the failed put and never awaits `done`, which rejects with the
        // abort: in the worker that is an unhandled rejection in the console, nothing more.
        tx.done.catch(() => {});
        let puts = 0;
        type Store = { put(...values: unknown[]): Promise<unknown> };
        const store = new Proxy(tx.store as unknown as Store, {
          get(storeTarget, key) {
            if (key !== 'put') {
              const value = Reflect.get(storeTarget, key, storeTarget);
              return typeof value === 'function' ? value.bind(storeTarget) : value;
            }
            return async (...putArgs: unknown[]) => {
              if (++puts < failOnPut) return storeTarget.put(...putArgs);
              const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              tx.abort();
              throw error;
            };
          },
        });
        return new Proxy(tx, {
          get(txTarget, key) {
            if (key === 'store') return store;
            const value = Reflect.get(txTarget, key, txTarget);
            return typeof value === 'function' ? value.bind(txTarget) : value;
          },
        });
      };
    },
  });
}

describe('a quota error in a multi-row write', () => {
  it('is reported, and nothing is half-written: the old default stays default', async () => {
    const db = await openDatabase(DB_VERSION, NAME);
    await putAccount(db, account('1', true));
    await putAccount(db, account('2', false));
    const before = await listAccounts(db);

    // Making account 3 the default writes two rows: the old default cleared, then account 3.
    const full = withFullDisk(db, 2);
    const failed = await putAccount(full, account('3', true)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(DOMException);
    expect((failed as DOMException).name).toBe('QuotaExceededError');

    const after = await listAccounts(db);
    expect(after).toEqual(before);
    expect(after.filter((a) => a.isDefault).map((a) => a.xUserId)).toEqual(['1']);
    db.close();
  });

  it('a failing single write leaves the store as it was', async () => {
    const db = await openDatabase(DB_VERSION, NAME);
    await putAccount(db, account('1', true));
    const failed = await putAccount(withFullDisk(db, 1), account('2', false)).then(
      () => null,
      (error: unknown) => error,
    );
    expect((failed as DOMException).name).toBe('QuotaExceededError');
    expect((await listAccounts(db)).map((a) => a.xUserId)).toEqual(['1']);
    db.close();
  });
});
