import type { UserV2 } from 'twitter-api-v2';
import { z } from 'zod';
import { XId } from './ids';
import { type TextPart, textParts } from './post-text';

/** The user fields the panel shows; asked for on every user read. */
export const USER_FIELDS = [
  'created_at',
  'description',
  'entities',
  'location',
  'profile_image_url',
  'protected',
  'public_metrics',
  'url',
  'verified',
] as const;

/** An X person as the extension shows it: X's answer checked and reduced to what is used. */
export interface XPerson {
  id: string;
  name: string;
  handle: string;
  bio: string;
  /** The bio split by X's entities (links by display URL, mentions, hashtags). */
  bioParts: TextPart[];
  location: string;
  /** The profile's website, expanded from t.co, only when it is http(s). */
  url: string | null;
  /** The 48 px image; the original size is the same URL without `_normal`. */
  avatarUrl: string | null;
  verified: boolean;
  /** Only followers the person approved can read the posts. */
  protected: boolean;
  joinedAt: string | null;
  followers: number;
  following: number;
  posts: number;
}

const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https?:\/\//i.test(value));

const XUser = z.object({
  id: XId,
  name: z.string().max(200),
  username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/),
  description: z.string().max(2000).optional(),
  location: z.string().max(500).optional(),
  url: z.string().max(2000).optional(),
  profile_image_url: z.string().max(2000).optional(),
  verified: z.boolean().optional(),
  protected: z.boolean().optional(),
  created_at: z.string().max(40).optional(),
  public_metrics: z
    .object({ followers_count: z.number(), following_count: z.number(), tweet_count: z.number() })
    .partial()
    .optional(),
  entities: z
    .object({
      url: z.object({ urls: z.array(z.object({ expanded_url: z.string().optional() })) }).partial(),
      // checked entry by entry where it is used (textParts)
      description: z.unknown(),
    })
    .partial()
    .optional(),
});

/** Checks one user from X; a user that does not fit is dropped rather than shown half-read. */
export function toPerson(user: UserV2 | unknown): XPerson | null {
  const parsed = XUser.safeParse(user);
  if (!parsed.success) return null;
  const u = parsed.data;
  const website = u.entities?.url?.urls?.[0]?.expanded_url ?? u.url ?? '';
  return {
    id: u.id,
    name: u.name,
    handle: u.username,
    bio: u.description ?? '',
    // X sends user fields unescaped (only post text is escaped), so nothing is decoded here.
    bioParts: textParts(u.description ?? '', u.entities?.description, false),
    location: u.location ?? '',
    url: httpUrl.safeParse(website).success ? website : null,
    avatarUrl: u.profile_image_url && /^https:\/\//i.test(u.profile_image_url) ? u.profile_image_url : null,
    verified: u.verified ?? false,
    protected: u.protected ?? false,
    joinedAt: u.created_at ?? null,
    followers: u.public_metrics?.followers_count ?? 0,
    following: u.public_metrics?.following_count ?? 0,
    posts: u.public_metrics?.tweet_count ?? 0,
  };
}

/** The original-size profile photo: X serves it at the same path without the size suffix. */
export function originalAvatarUrl(avatarUrl: string): string {
  return avatarUrl.replace(/_(normal|bigger|mini)(\.[A-Za-z]+)?$/, '$2');
}

/**
 * A CRM name folded to what X's user search accepts (^[A-Za-z0-9_' ]{1,50}$): accents
 * removed, hyphens and dots to spaces, anything else dropped. Empty when nothing is left
 * (a name in CJK script, say), and the panel then offers the handle lookup.
 */
export function foldNameForSearch(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-.‐-―]/g, ' ')
    .replace(/[^A-Za-z0-9_' ]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 50)
    .trim();
}
