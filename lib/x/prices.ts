/**
 * What X charges per operation (pay-per-use credits, 2026; shared/research/x-api.md), in
 * US dollars, so every action can say what it costs before the user takes it.
 */
export const PRICE_USD = {
  /** Reading a post; the same post read twice in one UTC day is billed once. */
  readPost: 0.005,
  /** Reading a user: lookup, search result, follower, following. */
  readUser: 0.01,
  createPost: 0.015,
  /** Creating a post whose text holds a link. */
  createPostWithUrl: 0.2,
  follow: 0.015,
  like: 0.015,
  repost: 0.015,
  /** Unfollow, unlike, undo a repost. */
  undo: 0.01,
  /**
   * An Owned Read (from 20 April 2026): one of the signed-in user's own posts, mentions, likes,
   * bookmarks, followers, following or lists, when that user owns the X developer app the keys
   * belong to. Any other read by that user costs the usual price.
   */
  ownedRead: 0.001,
} as const;

/**
 * Post reads X allows per monthly billing cycle on pay-per-use; then reads are refused until
 * the next cycle. X's pricing page says 3 million (its older "post cap" page still says 2).
 */
export const MONTHLY_POST_READ_CAP = 3_000_000;

/** What the meter and the pages need to know of the acting account to price a read. */
export interface ReadingAccount {
  xUserId: string;
  /** The admin said this account owns the X developer app the keys belong to. */
  ownsApp?: boolean;
}

/**
 * Whether X bills reading `subjectId`'s posts, mentions, followers or following as an Owned
 * Read: only when the acting account owns the app and the subject is that account itself.
 */
export function isOwnedRead(account: ReadingAccount | null | undefined, subjectId: string): boolean {
  return Boolean(account?.ownsApp) && account?.xUserId === subjectId;
}

/** The unit price (USD per resource) of a read, the Owned Read price when it is one. */
export function readUnitPrice(unitUsd: number, owned: boolean): number {
  return owned ? PRICE_USD.ownedRead : unitUsd;
}

/** What creating a post costs, given whether X will see a link in its text. */
export function postPrice(hasUrl: boolean): number {
  return hasUrl ? PRICE_USD.createPostWithUrl : PRICE_USD.createPost;
}

/** "$0.015", "$0.20" ("0,015 $" in German): prices are shown in the browser's UI language. */
export { formatUsd } from '../i18n';

/**
 * People on one page of a name search (GET /2/users/search). X answers 100 by default, up to
 * 1,000, each billed as a user read; five keep a record's first view at a few cents, and the
 * best matches come first anyway (X's docs, Search users: `max_results` 1–1000, default 100).
 */
export const PEOPLE_SEARCH_PAGE_SIZE = 5;

/** The most one page of a name search can cost: people read earlier the same UTC day are free. */
export function peopleSearchPagePrice(people: number = PEOPLE_SEARCH_PAGE_SIZE): number {
  return people * PRICE_USD.readUser;
}

/** People on one followers or following page: small, so a page costs cents, not dollars. */
export const PEOPLE_PAGE_SIZE = 20;

/** Posts on one page of recent search: X's smallest page, so each page costs cents. */
export const SEARCH_PAGE_SIZE = 10;

/**
 * The most a search page can cost: every post, and every author when each post is by
 * someone else (authors read again on the same UTC day are not billed twice, so often less).
 */
export function searchPagePrice(posts: number = SEARCH_PAGE_SIZE): number {
  return posts * PRICE_USD.readPost + posts * PRICE_USD.readUser;
}
