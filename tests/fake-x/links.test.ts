import { ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeX, startFakeX } from './server';
import { signInWithPin } from './test-helpers';

/** Every link X would link is a t.co link in the stored text, with its entity. */

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

async function postAndRead(text: string) {
  const posted = await client.v2.tweet(text);
  const read = await client.v2.singleTweet(posted.data.id, { 'tweet.fields': ['entities'] });
  return { text: read.data.text, urls: read.data.entities?.urls ?? [] };
}

const TCO = /https:\/\/t\.co\/\w{10}/;

describe('links in posts', () => {
  it('wraps a link written without a scheme, expanded with http:// as X does', async () => {
    const { text, urls } = await postAndRead('Slides from today: acme.io/q3-deck');
    expect(text).toMatch(/^Slides from today: https:\/\/t\.co\/\w{10}$/);
    expect(urls).toEqual([
      {
        start: 19,
        end: 42,
        url: text.slice(19),
        expanded_url: 'http://acme.io/q3-deck',
        display_url: 'acme.io/q3-deck',
        unwound_url: 'http://acme.io/q3-deck',
      },
    ]);
  });

  it('wraps links on newer generic domains, with their query, at code-point offsets after emoji', async () => {
    const { text, urls } = await postAndRead(
      '🎥 Recording: https://events.acme.consulting/webinars/2026-spring/recording?lang=en and acme.agency/deck.',
    );
    expect(text).toMatch(new RegExp(`^🎥 Recording: ${TCO.source} and ${TCO.source}\\.$`));
    expect(urls.map(({ start, end, expanded_url }) => ({ start, end, expanded_url }))).toEqual([
      {
        start: 13,
        end: 36,
        expanded_url: 'https://events.acme.consulting/webinars/2026-spring/recording?lang=en',
      },
      { start: 41, end: 64, expanded_url: 'http://acme.agency/deck' },
    ]);
  });

  it('leaves email addresses, mentions and file names as text', async () => {
    const plain = 'Mail sales@acme.io, ask @maria_acme, open notes_v2.txt';
    const { text, urls } = await postAndRead(plain);
    expect(text).toBe(plain);
    expect(urls).toEqual([]);
  });

  it('counts every link as 23 toward the 280, with or without a scheme', async () => {
    const link = ' acme.io/a-very-long-path-to-the-quarterly-deck-of-2026';
    expect((await client.v2.tweet(`${'a'.repeat(256)}${link}`)).data.text).toMatch(TCO);
    const error = await client.v2.tweet(`${'b'.repeat(257)}${link}`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiResponseError);
    expect((error as ApiResponseError).code).toBe(403);
  });
});
