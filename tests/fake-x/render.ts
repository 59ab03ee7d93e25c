// Turning stored users and posts into X's v2 objects: only the fields asked for (defaults
// id,name,username and id,text,edit_history_tweet_ids, as on X), plus `includes` for expansions.
import type { ApiV2Includes, InlineErrorV2, TweetEntitiesV2, TweetV2, UserV2 } from 'twitter-api-v2';
import { type ComputedEntities, computeEntities, displayUrl, tcoFor } from './entities';
import type { Pair } from './http-util';
import { invalidRequest, resourceNotFound } from './problems';
import { sentText } from './sent-text';
import type { Post, User, XState } from './state';

export const USER_FIELDS = [
  'affiliation',
  'confirmed_email',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscribes_to_you',
  'subscription',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_followers_count',
  'verified_type',
  'withheld',
] as const;

export const TWEET_FIELDS = [
  'article',
  'article_title',
  'attachments',
  'author_id',
  'card_uri',
  'community_id',
  'context_annotations',
  'conversation_id',
  'created_at',
  'display_text_range',
  'edit_controls',
  'edit_history_tweet_ids',
  'entities',
  'geo',
  'id',
  'in_reply_to_user_id',
  'lang',
  'matched_media_notes',
  'media_metadata',
  'non_public_metrics',
  'note_request_suggestions',
  'note_tweet',
  'organic_metrics',
  'paid_partnership',
  'possibly_sensitive',
  'promoted_metrics',
  'public_metrics',
  'referenced_tweets',
  'reply_settings',
  'scopes',
  'source',
  'suggested_source_links',
  'suggested_source_links_with_counts',
  'text',
  'withheld',
] as const;

export const USER_EXPANSIONS = ['pinned_tweet_id', 'most_recent_tweet_id', 'affiliation'] as const;
export const TWEET_EXPANSIONS = [
  'author_id',
  'referenced_tweets.id',
  'referenced_tweets.id.author_id',
  'in_reply_to_user_id',
  'entities.mentions.username',
  'edit_history_tweet_ids',
  'attachments.media_keys',
  'attachments.poll_ids',
  'geo.place_id',
  // listed by X's description (v2.167); the world has no media, articles or notes to expand
  'article.cover_media',
  'article.media_entities',
  'attachments.media_source_tweet',
  'entities.note.mentions.username',
  'referenced_tweets.id.attachments.media_keys',
  'username',
] as const;

/** Parse a comma list parameter and refuse unknown values with X's 400. */
export function listParam(query: Pair[], name: string, allowed: readonly string[]): Set<string> {
  const raw = query.find(([key]) => key === name)?.[1];
  if (raw === undefined) return new Set();
  const values = raw.split(',');
  for (const value of values) {
    if (!allowed.includes(value)) {
      throw invalidRequest(
        name,
        [raw],
        `The \`${name}\` query parameter value [${value}] is not one of [${allowed.join(',')}]`,
      );
    }
  }
  return new Set(values);
}

export interface RenderOptions {
  state: XState;
  /** scheme://host the request came in on: profile images are served from there */
  origin: string;
  userFields: Set<string>;
  tweetFields: Set<string>;
  expansions: Set<string>;
}

export function profileImagePath(user: User, variant: '_normal' | '_bigger' | '_mini' | ''): string {
  return `/profile_images/${user.id}/${user.imageName}${variant}.png`;
}

export function renderUser(user: User, options: RenderOptions): UserV2 {
  const { state, userFields: f } = options;
  const out: UserV2 = { id: user.id, name: user.name, username: user.username };
  if (f.has('created_at')) out.created_at = user.createdAt;
  if (f.has('description')) out.description = user.description;
  if (f.has('location') && user.location) out.location = user.location;
  if (f.has('url')) out.url = user.url ? tcoFor(user.url) : '';
  if (f.has('protected')) out.protected = user.protected;
  if (f.has('verified')) out.verified = user.verifiedType !== 'none';
  if (f.has('verified_type')) out.verified_type = user.verifiedType;
  if (f.has('profile_image_url')) out.profile_image_url = options.origin + profileImagePath(user, '_normal');
  if (f.has('pinned_tweet_id') && user.pinnedPostId && state.posts.has(user.pinnedPostId)) {
    out.pinned_tweet_id = user.pinnedPostId;
  }
  if (f.has('most_recent_tweet_id')) {
    const latest = state.postsNewestFirst((p) => p.authorId === user.id)[0];
    if (latest) out.most_recent_tweet_id = latest.id;
  }
  if (f.has('public_metrics')) {
    out.public_metrics = {
      followers_count: state.followersOf(user.id).length,
      following_count: state.followingOf(user.id).length,
      tweet_count: [...state.posts.values()].filter((p) => p.authorId === user.id).length,
      listed_count: user.listedCount,
      like_count: [...state.likes].filter((key) => key.startsWith(`${user.id}:`)).length,
      media_count: 0,
    };
  }
  if (f.has('entities')) {
    const entities: NonNullable<UserV2['entities']> = { description: {} };
    if (user.url) {
      entities.url = {
        urls: [
          {
            start: 0,
            end: 23,
            url: tcoFor(user.url),
            expanded_url: user.url,
            display_url: displayUrl(user.url),
          },
        ],
      };
    }
    const bio = computeEntities(user.description, {
      userIdByUsername: (name) => state.userByUsername(name)?.id,
      expandedUrl: (link) => state.expandedUrl(link),
    });
    if (bio.urls) entities.description.urls = bio.urls;
    if (bio.hashtags) entities.description.hashtags = bio.hashtags;
    if (bio.mentions) entities.description.mentions = bio.mentions;
    if (entities.url || Object.keys(entities.description).length) out.entities = entities;
  }
  return out;
}

/**
 * Entities of a text as X sends it: offsets in code points of that very text, escaped and cut
 * (clients that unescape have to move them: Twitter4J pull #57, Penicillin issue #36).
 * A link cut in two by the cut is no link any more, so it gets no entity.
 */
function entitiesOf(text: string, state: XState): ComputedEntities {
  const entities = computeEntities(text, {
    userIdByUsername: (name) => state.userByUsername(name)?.id,
    expandedUrl: (link) => state.expandedUrl(link),
  });
  if (entities.urls) {
    const whole = entities.urls.filter((url) => state.expandedUrl(url.url) !== undefined);
    if (whole.length) entities.urls = whole;
    else delete entities.urls;
  }
  return entities;
}

export function renderTweet(post: Post, options: RenderOptions): TweetV2 {
  const { state, tweetFields: f } = options;
  const sent = sentText(post.text, !!post.repostOf);
  const out: TweetV2 = { id: post.id, text: sent.text, edit_history_tweet_ids: [post.id] };
  if (f.has('author_id')) out.author_id = post.authorId;
  if (f.has('created_at')) out.created_at = new Date(post.createdAt).toISOString();
  if (f.has('conversation_id')) out.conversation_id = post.conversationId;
  if (f.has('in_reply_to_user_id') && post.inReplyToUserId) out.in_reply_to_user_id = post.inReplyToUserId;
  if (f.has('lang')) out.lang = post.lang;
  if (f.has('possibly_sensitive')) out.possibly_sensitive = false;
  if (f.has('reply_settings')) out.reply_settings = 'everyone';
  if (f.has('referenced_tweets')) {
    const refs = referencedTweets(post);
    if (refs.length) out.referenced_tweets = refs;
  }
  if (f.has('entities')) {
    const entities = entitiesOf(sent.text, state);
    // twitter-api-v2 types every entity list as present; X omits empty ones, so cast the partial.
    if (Object.keys(entities).length) out.entities = entities as TweetEntitiesV2;
  }
  // Only a long post has a note, and X sends it only when asked; its text is whole and, unlike
  // `text`, not escaped (zedeus/nitter #1106: X "doesn't escape these longer tweets").
  if (f.has('note_tweet') && sent.cut && !post.repostOf) {
    const entities = entitiesOf(post.text, state);
    out.note_tweet = {
      text: post.text,
      ...(Object.keys(entities).length ? { entities: entities as TweetEntitiesV2 } : {}),
    };
  }
  if (f.has('public_metrics')) {
    out.public_metrics = {
      retweet_count: state.repostCount(post.id),
      reply_count: state.replyCount(post.id),
      like_count: state.likeCount(post.id),
      quote_count: [...state.posts.values()].filter((p) => p.quoteOf === post.id).length,
      bookmark_count: 0,
      impression_count: 0,
    };
  }
  if (f.has('edit_controls')) {
    out.edit_controls = {
      editable_until: new Date(post.createdAt + 3_600_000).toISOString(),
      edits_remaining: 5,
      is_edit_eligible: !post.repostOf,
    };
  }
  return out;
}

function referencedTweets(post: Post): NonNullable<TweetV2['referenced_tweets']> {
  const refs: NonNullable<TweetV2['referenced_tweets']> = [];
  if (post.repostOf) refs.push({ type: 'retweeted', id: post.repostOf });
  if (post.quoteOf) refs.push({ type: 'quoted', id: post.quoteOf });
  if (post.inReplyToPostId) refs.push({ type: 'replied_to', id: post.inReplyToPostId });
  return refs;
}

/**
 * The inline errors X puts beside `data` when an expanded post is gone (deleted, or its author
 * suspended or deactivated): one "Could not find tweet with referenced_tweets.id" per post.
 */
export function referenceErrors(posts: Post[], options: RenderOptions): InlineErrorV2[] {
  const { state, expansions } = options;
  if (!expansions.has('referenced_tweets.id') && !expansions.has('referenced_tweets.id.author_id')) return [];
  const missing = new Set<string>();
  for (const post of posts) {
    for (const ref of referencedTweets(post)) {
      const referenced = state.posts.get(ref.id);
      if (!referenced || !state.isActive(state.users.get(referenced.authorId))) missing.add(ref.id);
    }
  }
  return [...missing].map((id) => resourceNotFound('tweet', 'referenced_tweets.id', id));
}

/** `includes` for a page of users (user endpoints expand pinned/most recent posts). */
export function includesForUsers(users: User[], options: RenderOptions): ApiV2Includes | undefined {
  const { state, expansions } = options;
  const tweets = new Map<string, Post>();
  for (const user of users) {
    if (expansions.has('pinned_tweet_id') && user.pinnedPostId) {
      const pinned = state.posts.get(user.pinnedPostId);
      if (pinned) tweets.set(pinned.id, pinned);
    }
    if (expansions.has('most_recent_tweet_id')) {
      const latest = state.postsNewestFirst((p) => p.authorId === user.id)[0];
      if (latest) tweets.set(latest.id, latest);
    }
  }
  if (!tweets.size) return undefined;
  return { tweets: [...tweets.values()].map((p) => renderTweet(p, options)) };
}

/** `includes` for a page of posts. */
export function includesForPosts(posts: Post[], options: RenderOptions): ApiV2Includes | undefined {
  const { state, expansions } = options;
  const users = new Map<string, User>();
  const tweets = new Map<string, Post>();
  const addUser = (id: string | undefined): void => {
    const user = id ? state.users.get(id) : undefined;
    if (user) users.set(user.id, user);
  };
  for (const post of posts) {
    if (expansions.has('author_id')) addUser(post.authorId);
    if (expansions.has('in_reply_to_user_id')) addUser(post.inReplyToUserId);
    if (expansions.has('entities.mentions.username')) {
      for (const mention of post.entities.mentions ?? []) addUser(mention.id);
    }
    if (expansions.has('referenced_tweets.id') || expansions.has('referenced_tweets.id.author_id')) {
      for (const ref of referencedTweets(post)) {
        const referenced = state.posts.get(ref.id);
        if (!referenced || !state.isActive(state.users.get(referenced.authorId))) continue;
        if (expansions.has('referenced_tweets.id')) tweets.set(referenced.id, referenced);
        if (expansions.has('referenced_tweets.id.author_id')) addUser(referenced.authorId);
      }
    }
  }
  const includes: ApiV2Includes = {};
  if (users.size) includes.users = [...users.values()].map((u) => renderUser(u, options));
  if (tweets.size) includes.tweets = [...tweets.values()].map((p) => renderTweet(p, options));
  return Object.keys(includes).length ? includes : undefined;
}
