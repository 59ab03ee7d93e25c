import type { IDBPDatabase } from 'idb';
import { listAccounts } from '../store/accounts';
import type { Association, Account, XCrmDb } from '../store/schema';
import {
  addSocialItems,
  advanceSocialCursors,
  type SocialColumn,
  type SocialItem,
  type SocialRecord,
  socialCursors,
} from '../store/social';
import { isOwnedRead, PRICE_USD, readUnitPrice } from './prices';
import type { XService } from './service';
import {
  MENTIONS_PAGE,
  NEWS_PAGE,
  readMentions,
  readNews,
  type SocialRead,
  usableSinceId,
} from './social-reads';
import { type NewsBatch, newsBatches } from './social-query';
import { spentOn, utcDay } from './usage';

type Db = IDBPDatabase<XCrmDb>;

/** Which conversations a refresh reads: one signed-in account's, or every enabled one's (null). */
export interface SocialScope {
  accountId: string | null;
}

/** What a refresh may cost at most, said before it runs, and what it is made of. */
export interface SocialQuote {
  /** The most it can cost in USD: every page full, every author not read today billed. */
  maxUsd: number;
  /** Accounts whose mentions are read. */
  accounts: number;
  /** Recent-search queries over the associated people. */
  newsQueries: number;
  /** Posts read at most, and how many of them are Owned Reads ($0.001). */
  posts: number;
  ownedPosts: number;
  /** Authors that may be billed ($0.010 each); authors read today are free and not counted. */
  authors: number;
}

/** What a refresh did: the posts it added and what it cost by the usage meter. */
export interface SocialRefreshResult {
  added: SocialItem[];
  costUsd: number;
  /** X had more new posts than one page: the newest were read, older ones in between are left unread. */
  more: boolean;
}

interface Plan {
  accounts: Account[];
  batches: NewsBatch[];
  people: Map<string, Association>;
  cursors: Map<string, string>;
  newsAccount: Account | null;
}

/** The newest association per X person: a handle can change, and the newest knows it best. */
function peopleOf(associations: readonly Association[]): Map<string, Association> {
  const newest = new Map<string, Association>();
  for (const association of associations) {
    const known = newest.get(association.xUserId);
    if (!known || association.createdAt > known.createdAt) newest.set(association.xUserId, association);
  }
  return newest;
}

/** Customers are contacts and companies, as in Zoho's Social tab; leads apart; others potential. */
export function columnOf(association: Association | undefined): SocialColumn {
  if (!association) return 'potential';
  return association.type === 'lead' ? 'leads' : 'customers';
}

function recordOf(association: Association | undefined): SocialRecord | null {
  if (!association) return null;
  const { crm, tenant, type, id } = association;
  const url = association.url && /^https:\/\//i.test(association.url) ? association.url : null;
  return { crm, tenant, type, id, name: association.recordName ?? null, url };
}

async function plan(db: Db, scope: SocialScope, now: number): Promise<Plan> {
  const usable = (await listAccounts(db)).filter((account) => account.enabled && !account.needsSignIn);
  const accounts = scope.accountId ? usable.filter((a) => a.xUserId === scope.accountId) : usable;
  const people = peopleOf(await db.getAll('associations'));
  const cursors = await socialCursors(db);
  const batches = newsBatches(
    [...people.values()].map((person) => ({
      handle: person.handle,
      sinceId: usableSinceId(cursors.get(`news:${person.xUserId}`) ?? null, now),
    })),
  );
  // News is read as the account asked for, or the default one.
  const newsAccount = accounts[0] ?? null;
  return { accounts, batches, people, cursors, newsAccount };
}

async function readToday(db: Db, accountId: string, resources: readonly string[], now: number) {
  const day = utcDay(now);
  let count = 0;
  for (const resource of resources) if (await db.getKey('usage', `${day}/${accountId}/${resource}`)) count++;
  return count;
}

/**
 * The most a refresh of `scope` can cost, before anything is read: one page of mentions per
 * account (Owned Reads when the account owns the X app) and one page per news query, each
 * post at X's price; the authors that come with them at the user price, except associated
 * people already read today by the reading account (X bills a resource once a UTC day).
 * Posts X already billed today cannot be told apart before the read, so they are counted.
 */
export async function quoteSocialRefresh(db: Db, scope: SocialScope, now: number): Promise<SocialQuote> {
  const { accounts, batches, people, newsAccount } = await plan(db, scope, now);
  let maxUsd = 0;
  let posts = 0;
  let ownedPosts = 0;
  let authors = 0;
  for (const account of accounts) {
    const owned = isOwnedRead(account, account.xUserId);
    posts += MENTIONS_PAGE;
    if (owned) ownedPosts += MENTIONS_PAGE;
    authors += MENTIONS_PAGE;
    maxUsd += MENTIONS_PAGE * readUnitPrice(PRICE_USD.readPost, owned) + MENTIONS_PAGE * PRICE_USD.readUser;
  }
  if (newsAccount) {
    const idByHandle = new Map([...people.values()].map((p) => [p.handle.toLowerCase(), p.xUserId]));
    for (const batch of batches) {
      const ids = batch.handles.map((handle) => `user:${idByHandle.get(handle.toLowerCase()) ?? ''}`);
      const unread = ids.length - (await readToday(db, newsAccount.xUserId, ids, now));
      const billable = Math.min(NEWS_PAGE, unread);
      posts += NEWS_PAGE;
      authors += billable;
      maxUsd += NEWS_PAGE * PRICE_USD.readPost + billable * PRICE_USD.readUser;
    }
  }
  return {
    maxUsd: Math.round(maxUsd * 1000) / 1000,
    accounts: accounts.length,
    newsQueries: newsAccount ? batches.length : 0,
    posts,
    ownedPosts,
    authors,
  };
}

/**
 * Reads what is new since the last look and stores it: the mentions of each account in
 * `scope` from its own since_id, and the associated people's posts by recent search, batched
 * within X's query length, each batch from the since_id its people were last read up to. A
 * post is stored once, whichever read found it; no source is ever read from before its
 * since_id, so no post is read twice. Stops with the X service's budget error once the
 * day's budget is spent (what was read until then is kept).
 * @throws XError as the X service raises it (budget, needs-sign-in, rate limits, X's refusals)
 */
export async function refreshSocial(
  db: Db,
  service: XService,
  scope: SocialScope,
  now: number,
): Promise<SocialRefreshResult> {
  const { accounts, batches, people, cursors, newsAccount } = await plan(db, scope, now);
  const day = utcDay(now);
  const spentBefore = await spentOn(db, day);
  const added: SocialItem[] = [];
  let more = false;
  const keep = async (read: SocialRead, kind: SocialItem['kind'], accountId: string | null) => {
    more ||= read.more;
    const items = read.posts
      .filter((found) => found.authorId !== accountId)
      .map((found): SocialItem => {
        const association = people.get(found.authorId);
        return {
          key: found.id,
          kind,
          accountId,
          authorId: found.authorId,
          authorName: found.authorName,
          authorHandle: found.authorHandle,
          post: found.post,
          column: columnOf(association),
          record: recordOf(association),
          foundAt: now,
        };
      });
    added.push(...(await addSocialItems(db, items)));
  };
  for (const account of accounts) {
    const key = `mentions:${account.xUserId}`;
    const read = await readMentions(service, account, cursors.get(key) ?? null);
    await keep(read, 'conversation', account.xUserId);
    if (read.newestId) await advanceSocialCursors(db, [key], read.newestId, now);
  }
  if (newsAccount) {
    const idByHandle = new Map([...people.values()].map((p) => [p.handle.toLowerCase(), p.xUserId]));
    for (const batch of batches) {
      const members = batch.handles.map((handle) => idByHandle.get(handle.toLowerCase()) ?? '');
      const read = await readNews(service, batch.query, batch.sinceId, newsAccount.xUserId);
      // Only the batch's own people: a changed handle now held by someone else is not news.
      const own = { ...read, posts: read.posts.filter((found) => members.includes(found.authorId)) };
      await keep(own, 'news', null);
      if (read.newestId) {
        await advanceSocialCursors(
          db,
          members.map((id) => `news:${id}`),
          read.newestId,
          now,
        );
      }
    }
  }
  const costUsd = Math.round(((await spentOn(db, day)) - spentBefore) * 1000) / 1000;
  return { added, costUsd, more };
}
