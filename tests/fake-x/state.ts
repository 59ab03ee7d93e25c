// The mutable world a run works on: people, posts, the follow graph, likes and reposts.
// Everything is in memory; `reset()` on the server rebuilds it from the seed.
import { computeEntities, type ComputedEntities, shortenUrls } from './entities';
import type { Rgb } from './png';

export type VerifiedType = 'none' | 'blue' | 'business' | 'government';

export interface User {
  id: string;
  name: string;
  username: string;
  description: string;
  location?: string;
  /** the site the profile links to; X shows it as a t.co link with this as expanded_url */
  url?: string;
  createdAt: string;
  verifiedType: VerifiedType;
  protected: boolean;
  /** X suspended the account: lookups answer an inline "User has been suspended" error */
  suspended?: boolean;
  /** the owner deactivated it: X answers as if it never existed */
  deactivated?: boolean;
  listedCount: number;
  pinnedPostId?: string;
  /** avatar colour, and the file name part of its image URL */
  color: Rgb;
  imageName: string;
}

export interface Post {
  id: string;
  authorId: string;
  /**
   * stored text, whole and unescaped: URLs already replaced by t.co links. What X sends in
   * `text` is cut and escaped from it (sent-text.ts); `note_tweet` carries it whole.
   */
  text: string;
  createdAt: number;
  conversationId: string;
  inReplyToPostId?: string;
  inReplyToUserId?: string;
  /** set on the post a repost creates */
  repostOf?: string;
  /** the post this one quotes */
  quoteOf?: string;
  lang: string;
  entities: ComputedEntities;
}

export interface Follow {
  sourceId: string;
  targetId: string;
  /** insertion order; X lists followers most recent first */
  seq: number;
}

const TWITTER_EPOCH = 1288834974657n;

export class XState {
  readonly users = new Map<string, User>();
  readonly posts = new Map<string, Post>();
  /** key `${sourceId}>${targetId}` */
  readonly follows = new Map<string, Follow>();
  /** key `${userId}:${postId}` */
  readonly likes = new Set<string>();
  /** key `${userId}:${postId}` → id of the repost post it created */
  readonly retweets = new Map<string, string>();
  private readonly usernames = new Map<string, string>();
  private readonly tco = new Map<string, string>();
  private followSeq = 0;
  private lastSnowflake = 0n;

  addUser(user: User): void {
    this.users.set(user.id, user);
    this.usernames.set(user.username.toLowerCase(), user.id);
  }

  userByUsername(username: string): User | undefined {
    const id = this.usernames.get(username.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Snowflake-shaped id (time in the high bits) so ids sort like X's, newest largest. */
  nextSnowflake(atMs: number): string {
    let id = ((BigInt(Math.floor(atMs)) - TWITTER_EPOCH) << 22n) | 1n;
    if (id <= this.lastSnowflake) id = this.lastSnowflake + 1n;
    this.lastSnowflake = id;
    return id.toString();
  }

  /** Store a post as X would: t.co links, entities, conversation and reply ids filled in. */
  createPost(input: {
    authorId: string;
    text: string;
    at: number;
    inReplyToPostId?: string;
    repostOf?: string;
    quoteOf?: string;
    lang?: string;
  }): Post {
    const { text, expanded } = shortenUrls(input.text);
    for (const [link, url] of expanded) this.tco.set(link, url);
    const id = this.nextSnowflake(input.at);
    const parent = input.inReplyToPostId ? this.posts.get(input.inReplyToPostId) : undefined;
    const post: Post = {
      id,
      authorId: input.authorId,
      text,
      createdAt: input.at,
      conversationId: parent ? parent.conversationId : id,
      lang: input.lang ?? 'en',
      entities: computeEntities(text, {
        userIdByUsername: (name) => this.userByUsername(name)?.id,
        expandedUrl: (link) => this.tco.get(link),
      }),
    };
    if (parent) {
      post.inReplyToPostId = parent.id;
      post.inReplyToUserId = parent.authorId;
    }
    if (input.repostOf) post.repostOf = input.repostOf;
    if (input.quoteOf) post.quoteOf = input.quoteOf;
    this.posts.set(id, post);
    return post;
  }

  /** Suspended and deactivated accounts are gone from every listing, as on X. */
  isActive(user: User | undefined): user is User {
    return !!user && !user.suspended && !user.deactivated;
  }

  expandedUrl(link: string): string | undefined {
    return this.tco.get(link);
  }

  follow(sourceId: string, targetId: string): void {
    const key = `${sourceId}>${targetId}`;
    if (!this.follows.has(key)) this.follows.set(key, { sourceId, targetId, seq: ++this.followSeq });
  }

  unfollow(sourceId: string, targetId: string): void {
    this.follows.delete(`${sourceId}>${targetId}`);
  }

  isFollowing(sourceId: string, targetId: string): boolean {
    return this.follows.has(`${sourceId}>${targetId}`);
  }

  /** Followers of a user, most recent follow first. */
  followersOf(userId: string): User[] {
    return this.edges(
      (f) => f.targetId === userId,
      (f) => f.sourceId,
    );
  }

  followingOf(userId: string): User[] {
    return this.edges(
      (f) => f.sourceId === userId,
      (f) => f.targetId,
    );
  }

  private edges(match: (f: Follow) => boolean, pick: (f: Follow) => string): User[] {
    return [...this.follows.values()]
      .filter(match)
      .sort((a, b) => b.seq - a.seq)
      .map((f) => this.users.get(pick(f)))
      .filter((u): u is User => u !== undefined);
  }

  /** Posts newest first (ids are time-ordered). */
  postsNewestFirst(filter: (post: Post) => boolean): Post[] {
    return [...this.posts.values()].filter(filter).sort((a, b) => compareIdsDesc(a.id, b.id));
  }

  likeCount(postId: string): number {
    let count = 0;
    for (const key of this.likes) if (key.endsWith(`:${postId}`)) count++;
    return count;
  }

  repostCount(postId: string): number {
    let count = 0;
    for (const key of this.retweets.keys()) if (key.endsWith(`:${postId}`)) count++;
    return count;
  }

  replyCount(postId: string): number {
    let count = 0;
    for (const post of this.posts.values()) if (post.inReplyToPostId === postId) count++;
    return count;
  }
}

export function compareIdsDesc(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x === y ? 0 : x > y ? -1 : 1;
}
