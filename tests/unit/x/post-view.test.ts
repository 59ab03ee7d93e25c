import { describe, expect, it } from 'vitest';
import { answerProblem } from '@/lib/x/answer-errors';
import { inlineErrors, postsFromAnswer } from '@/lib/x/post-view';

const NEWS = { id: '11', name: 'Acme Newsroom', username: 'acme_news' };
const ACME = { id: '22', name: 'Acme Robotics', username: 'acmerobotics' };
const NOT_FOUND = 'https://api.twitter.com/2/problems/resource-not-found';

describe('posts from an answer', () => {
  it('shows a long post from note_tweet, whole and not unescaped again', () => {
    const { posts } = postsFromAnswer({
      data: [
        {
          id: '1',
          text: 'Fish &amp; chips, part one',
          note_tweet: { text: 'Fish & chips, part one… and the &amp; a person typed, all 600 characters' },
        },
      ],
    });
    expect(posts[0]?.text).toBe('Fish & chips, part one… and the &amp; a person typed, all 600 characters');
  });

  it('shows a repost as its original with its author, who reposted it, and bills what came', () => {
    const page = postsFromAnswer({
      data: [
        {
          id: '3',
          text: 'RT @acmerobotics: Big launch today, we…',
          author_id: NEWS.id,
          referenced_tweets: [{ type: 'retweeted', id: '2' }],
          public_metrics: { like_count: 0, retweet_count: 0, reply_count: 0 },
        },
      ],
      includes: {
        tweets: [
          {
            id: '2',
            text: 'Big launch today, we ship &lt;3',
            author_id: ACME.id,
            public_metrics: { like_count: 7, retweet_count: 2, reply_count: 1 },
          },
        ],
        users: [NEWS, ACME],
      },
    });
    expect(page.posts[0]).toMatchObject({
      id: '2',
      text: 'Big launch today, we ship <3',
      likes: 7,
      author: { id: ACME.id, handle: 'acmerobotics' },
      repostedBy: { id: NEWS.id, name: 'Acme Newsroom' },
      notice: null,
    });
    expect(page.billedPosts).toEqual(['3', '2']);
    expect(page.billedUsers).toEqual([NEWS.id, ACME.id]);
  });

  it('keeps a repost whose original X did not send, saying what X said', () => {
    const { posts } = postsFromAnswer({
      data: [
        { id: '3', text: 'RT @acmerobotics: Big…', referenced_tweets: [{ type: 'retweeted', id: '2' }] },
      ],
      errors: [
        {
          resource_id: '2',
          detail: 'Could not find tweet with referenced_tweets.id: [2].',
          title: 'Not Found Error',
          type: NOT_FOUND,
        },
      ],
    });
    expect(posts[0]).toMatchObject({
      id: '3',
      text: 'RT @acmerobotics: Big…',
      repostedBy: null,
      notice: 'X says: Could not find tweet with referenced_tweets.id: [2].',
    });
  });

  it('puts a quoted post beneath, or what X said of it when it is gone', () => {
    const quoting = { id: '5', text: 'Proud of this', referenced_tweets: [{ type: 'quoted', id: '4' }] };
    const shown = postsFromAnswer({
      data: [quoting],
      includes: { tweets: [{ id: '4', text: 'Ships in March', author_id: ACME.id }], users: [ACME] },
    });
    expect(shown.posts[0]?.quoted).toMatchObject({
      id: '4',
      text: 'Ships in March',
      author: { handle: 'acmerobotics' },
    });
    const gone = postsFromAnswer({ data: [quoting] });
    expect(gone.posts[0]).toMatchObject({ quoted: null, notice: 'X refused this.' });
  });

  it('drops posts, includes and errors that do not fit X’s shapes, keeping the rest', () => {
    const { posts } = postsFromAnswer({
      data: [{ id: 'x', text: 'bad id' }, { id: '6', text: 42 }, null, { id: '7', text: 'fine' }],
      includes: { tweets: 'nope', users: [{ id: '1', name: 'No handle' }] },
      errors: 'nope',
    });
    expect(posts.map((post) => post.text)).toEqual(['fine']);
    expect(postsFromAnswer({ data: { id: '1', text: 'not a list' } }).posts).toEqual([]);
  });
});

describe('an answer with only errors', () => {
  it('says a protected account’s posts are protected, a suspended account suspended, else X’s words', () => {
    const problem = (error: object) => answerProblem(inlineErrors({ errors: [error] })).message;
    expect(
      problem({ type: 'https://api.twitter.com/2/problems/not-authorized-for-resource', detail: 'Sorry…' }),
    ).toBe('These posts are protected: only followers the account has approved can read them.');
    expect(problem({ type: NOT_FOUND, title: 'Forbidden', detail: 'User has been suspended: [rex].' })).toBe(
      'X has suspended this account.',
    );
    expect(problem({ type: NOT_FOUND, detail: 'Could not find user with id: [9].' })).toBe(
      'X says: Could not find user with id: [9].',
    );
    expect(answerProblem([]).message).toBe('X refused this.');
  });
});
