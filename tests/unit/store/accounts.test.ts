import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAccount, listAccounts, putAccount, removeAccount, summarize } from '@/lib/store/accounts';
import { openDatabase } from '@/lib/store/db';
import type { Account } from '@/lib/store/schema';

const NAME = 'x-crm-accounts-test';
let db: Awaited<ReturnType<typeof openDatabase>>;

const account = (xUserId: string, extra: Partial<Account> = {}): Account => ({
  xUserId,
  name: `Team ${xUserId}`,
  handle: `team${xUserId}`,
  avatarUrl: '',
  authKind: 'oauth1',
  enabled: true,
  isDefault: false,
  needsSignIn: false,
  oauth1: { token: `token-${xUserId}`, tokenSecret: `secret-${xUserId}` },
  ...extra,
});

describe('accounts', () => {
  beforeEach(async () => {
    db = await openDatabase(undefined, NAME);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(NAME);
  });

  it('makes the first account the default, and keeps exactly one default', async () => {
    await putAccount(db, account('1'));
    await putAccount(db, account('2'));
    expect((await listAccounts(db)).map((a) => [a.xUserId, a.isDefault])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    await putAccount(db, account('2', { isDefault: true }));
    expect((await listAccounts(db)).filter((a) => a.isDefault).map((a) => a.xUserId)).toEqual(['2']);
  });

  it('hands the default on when the default account is deleted', async () => {
    await putAccount(db, account('1'));
    await putAccount(db, account('2', { enabled: false }));
    await putAccount(db, account('3'));
    await removeAccount(db, '1');
    expect((await listAccounts(db)).find((a) => a.isDefault)?.xUserId).toBe('3');
  });

  it('acts as the chosen enabled account, else the default, never a disabled one', async () => {
    await putAccount(db, account('1'));
    await putAccount(db, account('2', { enabled: false }));
    expect((await actingAccount(db, '2'))?.xUserId).toBe('1');
    await putAccount(db, account('1', { enabled: false, isDefault: true }));
    expect(await actingAccount(db)).toBeNull();
  });

  it('summarizes an account without its tokens', () => {
    const summary = summarize(account('1'));
    expect(JSON.stringify(summary)).not.toMatch(/token|secret/);
  });
});
