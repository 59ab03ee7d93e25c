// Posts that arrive while a test runs: someone mentions or answers a signed-in account, or an
// associated person posts news. Dated by the emulator's clock, so a test can move time on
// (faults.advanceClock) between two looks and see only what came after the first.
import type { Post, XState } from './state';

export interface NewPost {
  /** the author's handle; any seeded person */
  username: string;
  text: string;
  /** id of the post this one answers: the reply joins that conversation */
  replyTo?: string;
  /** id of the post this one quotes */
  quoteOf?: string;
}

/**
 * Creates a post as `username` at `at` (ms). Throws an Error naming what is wrong for an
 * unknown author or a reply/quote target that does not exist.
 */
export function postAs(state: XState, input: NewPost, at: number): Post {
  const author = state.userByUsername(input.username);
  if (!author) throw new Error(`unknown username @${input.username}`);
  if (!input.text.trim()) throw new Error('text required');
  for (const target of [input.replyTo, input.quoteOf]) {
    if (target !== undefined && !state.posts.has(target)) throw new Error(`no post ${target}`);
  }
  return state.createPost({
    authorId: author.id,
    text: input.text,
    at,
    ...(input.replyTo ? { inReplyToPostId: input.replyTo } : {}),
    ...(input.quoteOf ? { quoteOf: input.quoteOf } : {}),
  });
}

/**
 * The conversations the sandbox opens with: people mention and answer Sam Rep (@samrep_crm)
 * and post about hiring, an RFP and funding, a few minutes apart before `now`.
 */
export function seedConversations(state: XState, now: number): Post[] {
  const sam = state.userByUsername('samrep_crm');
  const samsPost = sam && state.postsNewestFirst((post) => post.authorId === sam.id && !post.repostOf)[0];
  const script: NewPost[] = [
    {
      username: 'maria_acme',
      text: '@samrep_crm Thanks for the demo! Could you send the RFP template before Friday?',
      ...(samsPost ? { replyTo: samsPost.id } : {}),
    },
    {
      username: 'priyaraman',
      text: 'Great panel with @samrep_crm on warehouse data. We are hiring analysts too.',
    },
    { username: 'seanoconnor', text: '@samrep_crm does your team cover logistics startups in Dublin?' },
    { username: 'maria_acme', text: 'Acme Robotics closed its Series C funding round today.' },
  ];
  return script.map((post, index) => postAs(state, post, now - (script.length - index) * 60_000));
}
