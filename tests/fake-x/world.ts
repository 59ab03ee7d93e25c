// Builds the seeded world deterministically: same people, ids, graph and post order every run.
// Post times are relative to the start time so that search/recent (last 7 days) finds them.
import { createHash } from 'node:crypto';
import type { Rgb } from './png';
import { FILLER_FIRST_NAMES, FILLER_LAST_NAMES, PEOPLE, SIGN_IN_USERNAMES } from './seed-people';
import { XState } from './state';

/** The X developer app the extension is configured with in tests. */
export const SEEDED_APP = {
  name: 'X for CRM (fake)',
  /** OAuth 1.0a consumer key and secret */
  consumerKey: 'fkxCk7Qv2LmN8pR4sT6wY9zA1',
  consumerSecret: 'fkxCs3Hj5Kd8Fg2Lq9Wr4Tz7Yb1Nm6Vc0Xp5Ss8Dd2Gg4Jj7',
  /** OAuth 2.0 public client (no secret) */
  clientId: 'ZmFrZS14LWNsaWVudC1pZDoxOmNp',
  /** Callback URLs registered for OAuth 2.0; X only redirects to an exact match. */
  redirectUris: ['http://127.0.0.1/callback', 'https://fakex.test/callback'],
} as const;

/** The person who presses "Authorize app" unless the page is told otherwise. */
export const DEFAULT_SIGN_IN_USERNAME = SIGN_IN_USERNAMES[0];

const USER_ID_BASE = 1_400_000_000_000_000_000n;
const FILLER_ID_BASE = 1_700_000_000_000_000_000n;
const MINUTE = 60_000;
const DAY = 86_400_000;

function colorFor(seed: string): Rgb {
  const digest = createHash('sha256').update(seed).digest();
  // keep colours mid-range so white text would stay readable on them
  return [64 + ((digest[0] ?? 0) % 160), 64 + ((digest[1] ?? 0) % 160), 64 + ((digest[2] ?? 0) % 160)];
}

function imageNameFor(seed: string): string {
  return createHash('sha256').update(`img:${seed}`).digest('base64url').replace(/[-_]/g, 'x').slice(0, 8);
}

export function buildSeedState(now: number): XState {
  const state = new XState();

  PEOPLE.forEach((person, index) => {
    if (!/^[A-Za-z0-9_]{1,15}$/.test(person.username))
      throw new Error(`seed: @${person.username} is no X handle`);
    const id = (USER_ID_BASE + BigInt(index) * 104_729n).toString();
    state.addUser({
      id,
      name: person.name,
      username: person.username,
      description: person.description,
      ...(person.location ? { location: person.location } : {}),
      ...(person.url ? { url: person.url } : {}),
      createdAt: person.created,
      verifiedType: person.verified ?? 'none',
      protected: person.protected ?? false,
      ...(person.suspended ? { suspended: true } : {}),
      ...(person.deactivated ? { deactivated: true } : {}),
      listedCount: person.listed,
      color: colorFor(person.username),
      imageName: imageNameFor(person.username),
    });
  });

  // Generated followers: enough for several pages of followers (the API default page is 100).
  let fillerIndex = 0;
  for (const first of FILLER_FIRST_NAMES) {
    for (const last of FILLER_LAST_NAMES) {
      const username = `${first.slice(0, 6)}_${last.slice(0, 8)}`.toLowerCase();
      state.addUser({
        id: (FILLER_ID_BASE + BigInt(fillerIndex) * 7_919n).toString(),
        name: `${first} ${last}`,
        username,
        description: `Supply chain enthusiast #${fillerIndex + 1}.`,
        createdAt: new Date(Date.UTC(2020, 0, 1) + fillerIndex * DAY).toISOString(),
        verifiedType: 'none',
        protected: false,
        listedCount: 0,
        color: colorFor(username),
        imageName: imageNameFor(username),
      });
      fillerIndex++;
    }
  }

  seedPosts(state, now);
  seedFollows(state);
  return state;
}

function seedPosts(state: XState, now: number): void {
  // Create oldest first so that reply targets exist and snowflake ids grow with time.
  const planned = PEOPLE.flatMap((person, personIndex) =>
    person.posts.map((post, postIndex) => ({
      person,
      post,
      postIndex,
      at: post.daysAgo ? now - post.daysAgo * DAY : now - ((personIndex * 4 + postIndex) * 53 + 7) * MINUTE,
    })),
  );
  // Replies, reposts and quotes must be newer than what they point at; push them after the rest.
  const pointing = (post: (typeof planned)[number]['post']) =>
    Number(Boolean(post.replyTo || post.repostOf || post.quoteOf));
  planned.sort((a, b) => pointing(a.post) - pointing(b.post) || a.at - b.at);
  let replyAt = now - 5 * MINUTE;
  const created = new Map<string, string>();
  for (const { person, post, postIndex, at } of planned) {
    const author = state.userByUsername(person.username);
    if (!author) continue;
    const target = (ref: string | undefined) => {
      if (!ref) return undefined;
      const [handle, n] = ref.replace(/^@/, '').split('#');
      return created.get(`${handle}#${n}`);
    };
    const inReplyToPostId = target(post.replyTo);
    const repostOf = target(post.repostOf);
    const quoteOf = target(post.quoteOf);
    let postAt = at;
    if (pointing(post)) {
      postAt = replyAt;
      replyAt += MINUTE;
    }
    const original = repostOf ? state.posts.get(repostOf) : undefined;
    const originalAuthor = original ? state.users.get(original.authorId) : undefined;
    const stored = state.createPost({
      authorId: author.id,
      // X stores a repost as `RT @author: ` and the original's text
      text: original ? `RT @${originalAuthor?.username ?? ''}: ${original.text}` : post.text,
      at: postAt,
      ...(inReplyToPostId ? { inReplyToPostId } : {}),
      ...(repostOf ? { repostOf } : {}),
      ...(quoteOf ? { quoteOf } : {}),
      lang: post.lang ?? 'en',
    });
    if (original) state.retweets.set(`${author.id}:${original.id}`, stored.id);
    created.set(`${person.username}#${postIndex}`, stored.id);
    if (post.pinned) author.pinnedPostId = stored.id;
  }
}

function seedFollows(state: XState): void {
  const id = (username: string): string => {
    const user = state.userByUsername(username);
    if (!user) throw new Error(`seed: unknown @${username}`);
    return user.id;
  };
  const named: Array<[string, string[]]> = [
    ['samrep_crm', ['maria_acme', 'priyaraman', 'acmerobotics', 'jnunezobrien', 'ngozi_okafor']],
    ['alexseller', ['samrep_crm', 'acmerobotics', 'mk_oneil']],
    ['maria_acme', ['acmerobotics', 'priyaraman', 'carlosgarcia', 'amdubois', 'chloe_martin']],
    ['mariag_ventures', ['northwindcap', 'noahw', 'priyaraman']],
    ['mgarcia_design', ['isabellarossi']],
    ['jnunezobrien', ['seanoconnor', 'maria_acme', 'anasofiaperez', 'oliviasmith']],
    ['priyaraman', ['emilychen', 'maria_acme']],
    ['acmerobotics', ['maria_acme', 'amdubois', 'carlosgarcia']],
    ['carlosgarcia', ['maria_acme', 'acmerobotics']],
    ['chloe_martin', ['maria_acme', 'acmerobotics']],
    ['wangxiaoming', ['hanako_sato', 'h_tanaka', 'minjun_kim']],
    ['hanako_sato', ['wangxiaoming', 'h_tanaka']],
  ];
  for (const [source, targets] of named) for (const target of targets) state.follow(id(source), id(target));

  // Every generated account follows Priya Raman (300+ followers, several pages); some also follow
  // the Acme Maria Garcia and Acme Robotics so their counts look plausible.
  const priya = id('priyaraman');
  const maria = id('maria_acme');
  const acme = id('acmerobotics');
  let index = 0;
  for (const user of state.users.values()) {
    if (!user.description.startsWith('Supply chain enthusiast')) continue;
    state.follow(user.id, priya);
    if (index % 3 === 0) state.follow(user.id, maria);
    if (index % 2 === 0) state.follow(user.id, acme);
    index++;
  }
}
