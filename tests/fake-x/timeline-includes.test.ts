// A person's timeline with `expansions=author_id` brings the person in `includes.users` with
// the user fields asked for; an empty timeline brings no `includes` at all (X's behaviour,
// which the panel's one-call view relies on and falls back from).
import type { TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeX, startFakeX } from './server';
import { signInWithPin } from './test-helpers';

let fake: FakeX;
let client: TwitterApi;
beforeAll(async () => {
  fake = await startFakeX({ https: true });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  client = (await signInWithPin(fake)).client;
});

interface Timeline {
  data?: { id: string; author_id?: string }[];
  includes?: { users?: Record<string, unknown>[] };
  meta: { result_count: number };
}

describe('a timeline read with the author expanded', () => {
  it('sends the author in includes.users with the user fields asked for, and only those', async () => {
    const maria = fake.state.userByUsername('maria_acme');
    const answer = await client.v2.get<Timeline>(`users/${maria?.id}/tweets`, {
      max_results: 10,
      'tweet.fields': 'author_id',
      expansions: 'author_id',
      'user.fields': 'description,public_metrics,protected',
    });
    expect(answer.data?.length).toBeGreaterThan(0);
    const author = answer.includes?.users?.find((user) => user.id === maria?.id);
    expect(author).toMatchObject({
      username: 'maria_acme',
      name: maria?.name,
      description: maria?.description,
      protected: false,
      public_metrics: expect.objectContaining({ followers_count: expect.any(Number) }),
    });
    // Fields not asked for are not sent, as on X.
    expect(author).not.toHaveProperty('created_at');
    expect(author).not.toHaveProperty('location');
  });

  it('sends no includes when the person has no posts', async () => {
    fake.state.addUser({
      ...(fake.state.userByUsername('maria_acme') ?? ({} as never)),
      id: '1700000000000000001',
      username: 'quiet_buyer',
      name: 'Quiet Buyer',
      pinnedPostId: undefined,
    });
    const answer = await client.v2.get<Timeline>('users/1700000000000000001/tweets', {
      expansions: 'author_id',
      'user.fields': 'description',
    });
    expect(answer.meta.result_count).toBe(0);
    expect(answer).not.toHaveProperty('data');
    expect(answer).not.toHaveProperty('includes');
  });
});
