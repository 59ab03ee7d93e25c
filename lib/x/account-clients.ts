import type { IDBPDatabase } from 'idb';
import type { TwitterApi } from 'twitter-api-v2';
import { t } from '../i18n';
import { actingAccount, getAccount, writeAccount } from '../store/accounts';
import { effectiveAppKeys } from '../store/app-keys';
import type { Account, XCrmDb } from '../store/schema';
import { refreshOauth2 } from './auth/pkce-sign-in';
import { createXClient, type XFetch } from './client';
import { toXError, XError } from './errors';
import type { RateLimits } from './rate-limits';
import { writingAccount } from './writing-account';

/** An access token this close to expiry is refreshed before use, in ms. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The X client of each account: OAuth 1.0a with the app's keys, or OAuth 2.0 with its
 * access token refreshed when it is about to expire. Account rows change only through
 * lib/store/accounts.ts, which keeps exactly one default.
 */
export class AccountClients {
  private readonly refreshing = new Map<string, Promise<Account>>();

  constructor(
    private readonly deps: {
      db: () => Promise<IDBPDatabase<XCrmDb>>;
      limits: RateLimits;
      now: () => number;
      fetch?: XFetch;
    },
  ) {}

  /**
   * The client for the acting account (the chosen enabled one, else the default).
   * A write goes out only as the chosen account (see writingAccount), never as the default
   * in its place.
   * @throws XError `needs-sign-in` (no account, or its grant is gone), `keys-missing`,
   *   `account-unavailable` (the chosen account was disabled or deleted, for a write).
   */
  async clientFor(
    accountId?: string | null,
    forWrite = false,
  ): Promise<{ client: TwitterApi; account: Account }> {
    const db = await this.deps.db();
    const keys = await effectiveAppKeys(db);
    const account = forWrite ? await writingAccount(db, accountId) : await actingAccount(db, accountId);
    if (!account) throw new XError('needs-sign-in', t('xNoAccount'));
    if (account.needsSignIn) throw new XError('needs-sign-in', t('xNeedsSignIn'));
    await this.deps.limits.ready();
    const gate = this.deps.limits.gateFor(account.xUserId);
    if (account.oauth1) {
      if (!keys) throw new XError('keys-missing', t('xKeysMissing'));
      const tokens = {
        appKey: keys.consumerKey,
        appSecret: keys.consumerSecret,
        accessToken: account.oauth1.token,
        accessSecret: account.oauth1.tokenSecret,
      };
      return { client: createXClient(tokens, this.deps.fetch, gate), account };
    }
    if (account.oauth2) {
      const fresh = await this.freshOauth2(account, keys?.clientId ?? '');
      return {
        client: createXClient(fresh.oauth2?.accessToken ?? '', this.deps.fetch, gate),
        account: fresh,
      };
    }
    throw new XError('needs-sign-in', t('xNeedsSignIn'));
  }

  /**
   * An OAuth 2.0 account whose access token is good for another minute. Refreshes of one
   * account share one request: X rotates the refresh token, so a second refresh with the
   * old one would fail and lock the account out.
   */
  private freshOauth2(account: Account, clientId: string): Promise<Account> {
    if (account.oauth2 && account.oauth2.expiresAt - this.deps.now() > REFRESH_MARGIN_MS)
      return Promise.resolve(account);
    let pending = this.refreshing.get(account.xUserId);
    if (!pending) {
      pending = this.refreshOauth2(account.xUserId, clientId).finally(() =>
        this.refreshing.delete(account.xUserId),
      );
      this.refreshing.set(account.xUserId, pending);
    }
    return pending;
  }

  private async refreshOauth2(xUserId: string, clientId: string): Promise<Account> {
    const db = await this.deps.db();
    // Read again: a refresh that finished before a worker restart already stored new tokens.
    const current = await getAccount(db, xUserId);
    if (!current?.oauth2) throw new XError('needs-sign-in', t('xNeedsSignIn'));
    if (current.oauth2.expiresAt - this.deps.now() > REFRESH_MARGIN_MS) return current;
    const spent = current.oauth2.refreshToken;
    try {
      if (!spent || !clientId) throw new XError('needs-sign-in', t('xNeedsSignIn'));
      const tokens = await refreshOauth2(clientId, spent, this.deps.fetch);
      // Only the tokens change, in the row as it is now: an edit made while X answered stays,
      // and a new sign-in stored meanwhile (another refresh token) is newer than this grant.
      const updated = await writeAccount(db, xUserId, (now) =>
        now?.oauth2?.refreshToken === spent ? { ...now, oauth2: tokens } : null,
      );
      if (!updated?.oauth2 || updated.needsSignIn) throw new XError('needs-sign-in', t('xNeedsSignIn'));
      return updated;
    } catch (error) {
      const problem = toXError(error);
      // Offline or X down: try again later. Refused: the grant is gone; say so once, not on every call.
      if (problem.problem !== 'offline' && problem.problem !== 'x-unavailable') {
        await writeAccount(db, xUserId, (now) =>
          now?.oauth2?.refreshToken === spent ? { ...now, needsSignIn: true } : null,
        );
        throw new XError('needs-sign-in', t('xNeedsSignIn'));
      }
      throw problem;
    }
  }
}
