import type { IDBPDatabase } from 'idb';
import { listAccounts } from '../store/accounts';
import type { Account, Association, XCrmDb } from '../store/schema';
import {
  addSocialItems,
  advanceSocialCursors,
  type SocialColumn,
  type SocialItem,
  type SocialRecord,
  socialCursors,
} from '../store/social';
import type { XPost } from './post-view';
import { isOwnedRead, PRICE_USD, readUnitPrice } from './prices';
import type { XService } from './service';
import { SEVEN_DAYS_MS, snowflakeTime } from './snowflake';
import { countRecent, type ReadWindow, withoutAuthors } from './social-counts';
import { type NewsBatch, newsBatches, SEARCH_QUERY_MAX } from './social-query';
import {
  LARGEST_PAGE,
  MENTIONS_PAGE,
  NEWS_PAGE,
  readMentions,
  readNews,
  SOURCE_READ_CAP,
  type SocialRead,
  usableSinceId,
} from './social-reads';
import { spentOn, utcDay } from './usage';

type Db = IDBPDatabase<XCrmDb>;

/** Which conversations a refresh reads: one signed-in account's, or every enabled one's (null). */
export interface SocialScope {
  accountId: string | null;
}

/**
 * What a refresh will cost, said before it runs. Where the reading account can count (OAuth
 * 2.0), X's counts say exactly how many new posts each source holds; the posts' own price and
 * the authors that can be told apart are then exact (`exactUsd`), and only what cannot be
 * known before reading (authors the CRM does not know among several posts, the posts a reply
 * or quote brings along, and their authors) is a range above it, up to `maxUsd`. A source that
 * cannot be counted (OAuth 1.0a) is priced at its ceiling: a full page, every author billed.
 */
export interface SocialQuote {
  /** The most it can cost in USD. */
  maxUsd: number;
  /** What it costs for certain in USD (posts X has counted, authors known to be billed). */
  exactUsd: number;
  /** Every source was counted: `posts` is what X has, not a page's ceiling. */
  counted: boolean;
  /** Accounts whose mentions are read. */
  accounts: number;
  /** Recent-search queries over the associated people. */
  newsQueries: number;
  /** Posts to be read (at most, where not counted), and how many are Owned Reads ($0.001). */
  posts: number;
  ownedPosts: number;
  /** Authors that may be billed ($0.010 each); authors read today are free and not counted. */
  authors: number;
  /** New posts beyond what one refresh reads of a source (SOURCE_READ_CAP), left unread. */
  left: number;
}

/** What a refresh did: the posts it added and what it cost by the usage meter. */
export interface SocialRefreshResult {
  added: SocialItem[];
  costUsd: number;
  /** X had more new posts than one page: the newest were read, older ones in between are left unread. */
  more: boolean;
  /** How many counted new posts were left unread beyond a source's page (0 when none or not counted). */
  left: number;
}

/** One place a refresh reads from: an account's mentions, or one news query. */
interface Source {
  kind: SocialItem['kind'];
  /** The account that reads it. */
  account: Account;
  /** Recent-search query that counts what the read returns. */
  countQuery: string;
  /** Where the read starts, and the same window as counts take it. */
  sinceId: string | null;
  startTime: string | null;
  countWindow: ReadWindow;
  /** X's smallest page for the endpoint, asked for when the source was not counted. */
  minPage: number;
  owned: boolean;
  /** News: the X user ids of the batch's people. */
  members: string[];
}

/** News people counted one by one to tell which of them wrote, at most this many per source. */
const COUNTED_ONE_BY_ONE = 10;
/** Mentions are read from seven days back less an hour, so X's count sees the same window. */
const MENTIONS_REACH_MS = SEVEN_DAYS_MS - 3_600_000;

interface Plan {
  accounts: Account[];
  batches: NewsBatch[];
  people: Map<string, Association>;
  cursors: Map<string, string>;
  newsAccount: Account | null;
  sources: Source[];
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
    undefined,
    accounts.map((account) => account.handle),
  );
  // News is read as the account asked for, or the default one.
  const newsAccount = accounts[0] ?? null;
  const startTime = new Date(now - MENTIONS_REACH_MS).toISOString();
  const sources: Source[] = accounts.map((account) => {
    const cursor = cursors.get(`mentions:${account.xUserId}`) ?? null;
    const handle = account.handle;
    return {
      kind: 'conversation',
      account,
      // The mentions timeline lists posts naming the account and replies to it, not its own.
      countQuery: `(@${handle} OR to:${handle}) -from:${handle}`,
      sinceId: cursor,
      startTime,
      countWindow: { sinceId: usableSinceId(cursor, now), startTime },
      minPage: MENTIONS_PAGE,
      owned: isOwnedRead(account, account.xUserId),
      members: [],
    };
  });
  if (newsAccount) {
    const idByHandle = new Map([...people.values()].map((p) => [p.handle.toLowerCase(), p.xUserId]));
    for (const batch of batches) {
      sources.push({
        kind: 'news',
        account: newsAccount,
        countQuery: batch.query,
        sinceId: batch.sinceId,
        startTime: null,
        countWindow: { sinceId: batch.sinceId, startTime: null },
        minPage: NEWS_PAGE,
        owned: false,
        members: batch.handles.map((handle) => idByHandle.get(handle.toLowerCase()) ?? ''),
      });
    }
  }
  return { accounts, batches, people, cursors, newsAccount, sources };
}

async function readToday(db: Db, accountId: string, resources: readonly string[], now: number) {
  const day = utcDay(now);
  let count = 0;
  for (const resource of resources) if (await db.getKey('usage', `${day}/${accountId}/${resource}`)) count++;
  return count;
}

/** How many posts a source holds now by X's count, or null when it cannot be counted. */
function countOf(
  service: XService | null,
  source: Source,
  query = source.countQuery,
): Promise<number | null> {
  if (!service) return Promise.resolve(null);
  // A count that fails (a rate limit, X's refusal) leaves the source at its ceiling.
  return countRecent(service, source.account, query, source.countWindow).catch(() => null);
}

/** The page a source's read asks for: what is still to read, within the endpoint's page sizes. */
function pageFor(source: Source, toRead: number | null): number {
  return toRead === null ? source.minPage : Math.min(LARGEST_PAGE, Math.max(source.minPage, toRead));
}

interface SourcePrice {
  exactUsd: number;
  possibleUsd: number;
  posts: number;
  authors: number;
  left: number;
  counted: boolean;
}

async function priceOf(
  db: Db,
  service: XService | null,
  source: Source,
  people: Map<string, Association>,
  now: number,
): Promise<SourcePrice> {
  const unit = readUnitPrice(PRICE_USD.readPost, source.owned);
  const readerId = source.account.xUserId;
  const isFree = async (id: string) => (await readToday(db, readerId, [`user:${id}`], now)) > 0;
  const unreadMembers: string[] = [];
  for (const id of source.members) if (!(await isFree(id))) unreadMembers.push(id);
  const count = await countOf(service, source);
  if (count === null) {
    const authors = source.kind === 'news' ? Math.min(source.minPage, unreadMembers.length) : source.minPage;
    return {
      exactUsd: 0,
      possibleUsd: source.minPage * unit + authors * PRICE_USD.readUser,
      posts: source.minPage,
      authors,
      left: 0,
      counted: false,
    };
  }
  const posts = Math.min(count, SOURCE_READ_CAP);
  const free = posts > 0 ? Math.min(posts, await billedToday(db, source, now)) : 0;
  const price: SourcePrice = {
    exactUsd: (posts - free) * unit,
    possibleUsd: 0,
    posts,
    authors: 0,
    left: count - posts,
    counted: true,
  };
  if (posts === 0) return price;
  // Authors X bills once a day: count only the posts of people not read today. The reader's
  // own posts are outside the mentions query already. Stop looking once the query is full.
  const candidates = source.kind === 'news' ? source.members : [...people.keys()];
  const freeHandles: string[] = [];
  let room = SEARCH_QUERY_MAX - source.countQuery.length;
  let looked = true;
  for (const id of candidates) {
    const handle = people.get(id)?.handle;
    if (!handle || !(await isFree(id))) continue;
    room -= ` -from:${handle}`.length;
    if (room < 0) {
      looked = false;
      break;
    }
    freeHandles.push(handle);
  }
  const others = withoutAuthors(source.countQuery, freeHandles);
  others.complete &&= looked;
  const byOthers = others.query === source.countQuery ? count : await countOf(service, source, others.query);
  let known: number | null = null;
  if (byOthers === 0) known = 0;
  else if (byOthers === 1 && others.complete) known = 1;
  else if (source.kind === 'news' && unreadMembers.length <= COUNTED_ONE_BY_ONE) {
    known = 0;
    for (const id of unreadMembers) {
      const handle = people.get(id)?.handle;
      const own = handle ? await countOf(service, source, `from:${handle} -is:retweet`) : null;
      if (own === null) {
        known = null;
        break;
      }
      if (own > 0) known++;
    }
  }
  if (known !== null) {
    price.exactUsd += known * PRICE_USD.readUser;
    price.authors = known;
  } else {
    price.authors = Math.min(byOthers ?? posts, posts);
    price.possibleUsd += price.authors * PRICE_USD.readUser;
  }
  // A reply or a quote brings the post it answers or quotes, and that post's author.
  const referring = await countOf(service, source, `${source.countQuery} (is:reply OR is:quote)`);
  price.possibleUsd += Math.min(referring ?? posts, posts) * (unit + PRICE_USD.readUser);
  return price;
}

/**
 * How many of a source's new posts X already billed today to its reader: posts of the
 * people's cached timelines (a record panel's recent posts) or of the account's cached
 * mentions that are inside the source's window and on today's usage meter. X bills a post
 * once a UTC day, so they cost nothing again.
 */
async function billedToday(db: Db, source: Source, now: number): Promise<number> {
  const keys =
    source.kind === 'news'
      ? source.members.map((id) => `posts:${id}`)
      : [`mentions:${source.account.xUserId}`];
  const since = source.countWindow.sinceId ? BigInt(source.countWindow.sinceId) : null;
  const from = source.countWindow.startTime ? Date.parse(source.countWindow.startTime) : now - SEVEN_DAYS_MS;
  const ids = new Set<string>();
  for (const key of keys) {
    const cached = (await db.get('cache', key))?.value;
    for (const post of Array.isArray(cached) ? (cached as Partial<XPost>[]) : []) {
      // A repost is left out of news, and the cache holds it under its original's id.
      if (typeof post?.id !== 'string' || !/^\d{1,20}$/.test(post.id) || post.repostedBy) continue;
      if ((since !== null && BigInt(post.id) <= since) || snowflakeTime(post.id) < from) continue;
      ids.add(post.id);
    }
  }
  return readToday(
    db,
    source.account.xUserId,
    [...ids].map((id) => `post:${id}`),
    now,
  );
}

const cents = (usd: number) => Math.round(usd * 1000) / 1000;

/**
 * What a refresh of `scope` will cost, before anything is read. With `service`, sources the
 * reading account can count (OAuth 2.0) are counted by X (GET /2/tweets/counts/recent, free):
 * their posts at X's price (Owned Reads for an account's own mentions when it owns the app),
 * the authors known to be new today at the user price, what cannot be known before reading as
 * a range. Without `service`, or for OAuth 1.0a accounts, each source is priced at a full page
 * with every author billed, except associated people already read today (X bills a resource
 * once a UTC day).
 * @throws nothing of X's: a count that fails leaves its source at the ceiling
 */
export async function quoteSocialRefresh(
  db: Db,
  scope: SocialScope,
  now: number,
  service: XService | null = null,
): Promise<SocialQuote> {
  const { accounts, batches, people, newsAccount, sources } = await plan(db, scope, now);
  const quote: SocialQuote = {
    maxUsd: 0,
    exactUsd: 0,
    counted: true,
    accounts: accounts.length,
    newsQueries: newsAccount ? batches.length : 0,
    posts: 0,
    ownedPosts: 0,
    authors: 0,
    left: 0,
  };
  for (const source of sources) {
    const price = await priceOf(db, service, source, people, now);
    quote.exactUsd += price.exactUsd;
    quote.maxUsd += price.exactUsd + price.possibleUsd;
    quote.posts += price.posts;
    if (source.owned) quote.ownedPosts += price.posts;
    quote.authors += price.authors;
    quote.left += price.left;
    quote.counted &&= price.counted;
  }
  return { ...quote, maxUsd: cents(quote.maxUsd), exactUsd: cents(quote.exactUsd) };
}

/**
 * What a scheduled refresh every `hours` hours may cost a day at most, in USD: the ceiling of
 * one refresh of every enabled account (nothing is counted ahead of a schedule) times the
 * refreshes a day, rounded to a tenth of a cent.
 */
export async function scheduleDailyUsd(db: Db, hours: number, now: number): Promise<number> {
  const quote = await quoteSocialRefresh(db, { accountId: null }, now);
  return cents(quote.maxUsd * (24 / hours));
}

/**
 * Reads what is new since the last look and stores it: the mentions of each account in
 * `scope` from its own since_id, and the associated people's posts by recent search, batched
 * within X's query length, each batch from the since_id its people were last read up to. A
 * post is stored once, whichever read found it; no source is ever read from before its
 * since_id, so no post is read twice. A source X counts (OAuth 2.0) is read in one page as
 * large as its count, page after page up to SOURCE_READ_CAP (what is beyond is reported in `left`), and not read
 * at all when X counts nothing new; one it cannot count is read a smallest page. Stops with
 * the X service's budget error once the day's budget is spent (what was read until then is kept).
 * @throws XError as the X service raises it (budget, needs-sign-in, rate limits, X's refusals)
 */
export async function refreshSocial(
  db: Db,
  service: XService,
  scope: SocialScope,
  now: number,
): Promise<SocialRefreshResult> {
  const { people, sources } = await plan(db, scope, now);
  const day = utcDay(now);
  const spentBefore = await spentOn(db, day);
  const added: SocialItem[] = [];
  let more = false;
  let left = 0;
  const keep = async (read: SocialRead, kind: SocialItem['kind'], accountId: string | null) => {
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
  for (const source of sources) {
    const count = await countOf(service, source);
    // X counted nothing new: there is nothing to read, and nothing to pay.
    if (count === 0) continue;
    // Counted: page on up to the cap, as the quote said; not counted: one smallest page.
    const target = count === null ? null : Math.min(count, SOURCE_READ_CAP);
    if (count !== null) left += count - (target ?? 0);
    const accountId = source.kind === 'conversation' ? source.account.xUserId : null;
    const members = source.kind === 'news' ? source.members : null;
    let token: string | null = null;
    let asked = 0;
    let newestId: string | null = null;
    do {
      const size = pageFor(source, target === null ? null : target - asked);
      const read: SocialRead =
        source.kind === 'conversation'
          ? await readMentions(service, source.account, source.sinceId, size, source.startTime, token)
          : await readNews(service, source.countQuery, source.sinceId, source.account.xUserId, size, token);
      asked += size;
      token = read.nextToken;
      if (count === null) more ||= read.more;
      // Only the batch's own people: a changed handle now held by someone else is not news.
      const own = members ? { ...read, posts: read.posts.filter((f) => members.includes(f.authorId)) } : read;
      await keep(own, source.kind, accountId);
      if (!newestId && read.newestId) {
        newestId = read.newestId;
        const keys = members ? members.map((id) => `news:${id}`) : [`mentions:${source.account.xUserId}`];
        await advanceSocialCursors(db, keys, newestId, now);
      }
    } while (token && target !== null && asked < target);
  }
  const costUsd = cents((await spentOn(db, day)) - spentBefore);
  return { added, costUsd, more: more || left > 0, left };
}
