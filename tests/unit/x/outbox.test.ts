import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putAccount } from '@/lib/store/accounts';
import { openDatabase } from '@/lib/store/db';
import { saveDraft } from '@/lib/store/drafts';
import { Outbox, type OutboxX } from '@/lib/x/outbox';
import type { XLink } from '@/lib/x/same-post';
import type { XOwnPost } from '@/lib/x/service';

const NAME = 'x-crm-outbox-test';
const SAM = '1400000000000000000';
const T0 = Date.parse('2026-11-21T10:00:00Z');

let db: Awaited<ReturnType<typeof openDatabase>>;
let now: number;

/** X as the outbox sees it: posts made, and what each next post call does. */
class FakeX implements OutboxX {
  posts: { id: string; text: string; at: number; links?: XLink[] }[] = [];
  next: (() => never)[] = [];
  timelineReads = 0;
  /** When set, the post is made at X and then the answer is lost this way. */
  loseAnswer: (() => never) | null = null;

  async post(text: string) {
    const fail = this.next.shift();
    if (fail) fail();
    const made = { id: String(1000 + this.posts.length), text, at: now };
    this.posts.push(made);
    if (this.loseAnswer) {
      const lose = this.loseAnswer;
      this.loseAnswer = null;
      lose();
    }
    return { id: made.id };
  }

  async ownRecentPosts(): Promise<XOwnPost[]> {
    this.timelineReads++;
    return this.posts.map((p) => ({
      id: p.id,
      text: p.text,
      createdAt: new Date(p.at).toISOString(),
      links: p.links ?? [],
    }));
  }
}

const status =
  (code: number, detail = 'Something') =>
  (): never => {
    throw new ApiResponseError(`Request failed with code ${code}`, {
      code,
      data: { title: 'x', detail, type: 'about:blank', status: code },
      headers: {},
      request: {} as never,
      response: {} as never,
    } as never);
  };
const networkDown = (): never => {
  throw new ApiRequestError('socket hang up', {
    request: {} as never,
    error: new Error('ECONNRESET'),
  });
};

let x: FakeX;
let outbox: Outbox;

beforeEach(async () => {
  now = T0;
  db = await openDatabase(undefined, NAME);
  await putAccount(db, {
    xUserId: SAM,
    name: 'Sales team',
    handle: 'samrep_crm',
    avatarUrl: '',
    authKind: 'oauth1',
    enabled: true,
    isDefault: true,
    needsSignIn: false,
    oauth1: { token: 't', tokenSecret: 's' },
  });
  x = new FakeX();
  outbox = new Outbox({ db: async () => db, x, now: () => now });
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

async function draft(text: string) {
  return (await saveDraft(db, { text }, now)).id;
}

describe('the outbox: never lose a post, never send it twice', () => {
  it('posts, deletes the draft and links to the post on X', async () => {
    const draftId = await draft('Hello');
    const outcome = await outbox.send({ text: 'Hello', replyToPostId: null, accountId: null, draftId });
    expect(outcome).toEqual({
      status: 'posted',
      id: '1000',
      url: 'https://x.com/samrep_crm/status/1000',
      alreadyOnX: false,
    });
    expect(await db.get('drafts', draftId)).toBeUndefined();
  });

  it('puts a post that met a 503 in the outbox with its reason, out of the drafts, as the acting account', async () => {
    const draftId = await draft('Quarterly numbers');
    x.next.push(status(503));
    const outcome = await outbox.send({
      text: 'Quarterly numbers',
      replyToPostId: null,
      accountId: null,
      draftId,
    });
    expect(outcome).toMatchObject({ status: 'queued', outboxId: draftId });
    expect(await db.get('drafts', draftId)).toBeUndefined();
    const [item] = await outbox.list();
    expect(item).toMatchObject({
      id: draftId,
      text: 'Quarterly numbers',
      accountId: SAM,
      attempts: 1,
      firstAttemptAt: T0,
      lastError: 'X is not answering properly right now. Try again in a few minutes.',
    });
  });

  it('puts a post whose connection failed in the outbox, and a retry posts it once after checking X', async () => {
    x.next.push(networkDown);
    const queued = await outbox.send({
      text: 'Offline post',
      replyToPostId: null,
      accountId: null,
      draftId: null,
    });
    expect(queued.status).toBe('queued');
    expect((await outbox.list())[0]?.lastError).toMatch(/cannot be reached/);
    now += 60_000;
    const [result] = await outbox.retryAll();
    expect(result?.outcome).toMatchObject({ status: 'posted', alreadyOnX: false });
    expect(x.timelineReads).toBe(1);
    expect(x.posts.filter((p) => p.text === 'Offline post')).toHaveLength(1);
    expect(await outbox.list()).toEqual([]);
  });

  it('marks sent without posting when X made the post but the answer was lost', async () => {
    x.loseAnswer = status(503);
    const queued = await outbox.send({
      text: 'Made it after all',
      replyToPostId: null,
      accountId: null,
      draftId: null,
    });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    expect(x.posts).toHaveLength(1);
    now += 5 * 60_000;
    const outcome = await outbox.retry(queued.outboxId);
    expect(outcome).toEqual({
      status: 'posted',
      id: '1000',
      url: 'https://x.com/samrep_crm/status/1000',
      alreadyOnX: true,
    });
    expect(x.posts).toHaveLength(1);
    expect(await outbox.list()).toEqual([]);
  });

  it('finds the post at X even with its link shortened and & escaped, as X answers', async () => {
    x.next.push(networkDown);
    const text = 'Q&A at https://example.com/demo today';
    const queued = await outbox.send({ text, replyToPostId: null, accountId: null, draftId: null });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    x.posts.push({
      id: '77',
      text: 'Q&amp;A at https://t.co/abc123 today',
      at: now + 1000,
      links: [{ url: 'https://t.co/abc123', expandedUrl: 'https://example.com/demo' }],
    });
    expect(await outbox.retry(queued.outboxId)).toMatchObject({
      status: 'posted',
      id: '77',
      alreadyOnX: true,
    });
    expect(x.posts).toHaveLength(1);
  });

  it('finds a post whose link was written without a scheme, through X’s entity for it', async () => {
    x.next.push(networkDown);
    const text = 'Slides from today: acme.io/q3-deck';
    const queued = await outbox.send({ text, replyToPostId: null, accountId: null, draftId: null });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    x.posts.push({
      id: '78',
      text: 'Slides from today: https://t.co/Ab12Cd34Ef',
      at: now + 1000,
      links: [{ url: 'https://t.co/Ab12Cd34Ef', expandedUrl: 'http://acme.io/q3-deck' }],
    });
    expect(await outbox.retry(queued.outboxId)).toMatchObject({
      status: 'posted',
      id: '78',
      alreadyOnX: true,
    });
    expect(x.posts).toHaveLength(1);
  });

  it('sends again when X’s latest post has the same words but its link goes elsewhere', async () => {
    x.next.push(networkDown);
    const text = 'Slides from today: acme.io/q3-deck';
    const queued = await outbox.send({ text, replyToPostId: null, accountId: null, draftId: null });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    x.posts.push({
      id: '79',
      text: 'Slides from today: https://t.co/Qq11Ww22Ee',
      at: now + 1000,
      links: [{ url: 'https://t.co/Qq11Ww22Ee', expandedUrl: 'http://acme.io/q2-deck' }],
    });
    expect(await outbox.retry(queued.outboxId)).toMatchObject({ status: 'posted', alreadyOnX: false });
    expect(x.posts.map((post) => post.text)).toContain(text);
  });

  it('does not take an older post with the same text for this one', async () => {
    x.posts.push({ id: '5', text: 'Same words', at: T0 - 3 * 86_400_000 });
    x.next.push(networkDown);
    const queued = await outbox.send({
      text: 'Same words',
      replyToPostId: null,
      accountId: null,
      draftId: null,
    });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    const outcome = await outbox.retry(queued.outboxId);
    expect(outcome).toMatchObject({ status: 'posted', id: '1001', alreadyOnX: false });
  });

  it('counts X’s 403 duplicate-content answer as sent, on a first send and on a retry', async () => {
    const draftId = await draft('Twice');
    x.next.push(status(403, 'You are not allowed to create a Tweet with duplicate content.'));
    const first = await outbox.send({ text: 'Twice', replyToPostId: null, accountId: null, draftId });
    expect(first).toMatchObject({
      status: 'posted',
      id: null,
      alreadyOnX: true,
      url: 'https://x.com/samrep_crm',
    });
    expect(await db.get('drafts', draftId)).toBeUndefined();

    x.next.push(status(502));
    const queued = await outbox.send({ text: 'Again', replyToPostId: null, accountId: null, draftId: null });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    x.next.push(status(403, 'You are not allowed to create a Tweet with duplicate content.'));
    expect(await outbox.retry(queued.outboxId)).toMatchObject({ status: 'posted', alreadyOnX: true });
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps a post X refuses (400) as a draft with X’s reason, on a first send and on a retry', async () => {
    const draftId = await draft('Bad words');
    x.next.push(status(400, 'Your post could not be accepted.'));
    await expect(
      outbox.send({ text: 'Bad words', replyToPostId: null, accountId: null, draftId }),
    ).rejects.toMatchObject({ problem: 'refused' });
    expect((await db.get('drafts', draftId))?.problem).toBe(
      'X refused this: Your post could not be accepted.',
    );
    expect(await outbox.list()).toEqual([]);

    x.next.push(status(503));
    const queued = await outbox.send({
      text: 'Later refused',
      replyToPostId: null,
      accountId: null,
      draftId: null,
    });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    x.next.push(status(400, 'Not this one.'));
    await expect(outbox.retry(queued.outboxId)).rejects.toMatchObject({ problem: 'refused' });
    expect(await outbox.list()).toEqual([]);
    expect(await db.get('drafts', queued.outboxId)).toMatchObject({
      text: 'Later refused',
      problem: 'X refused this: Not this one.',
    });
  });

  it('keeps waiting, without posting, when the check at X fails', async () => {
    x.next.push(status(503));
    const queued = await outbox.send({
      text: 'Patience',
      replyToPostId: null,
      accountId: null,
      draftId: null,
    });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    x.ownRecentPosts = async () => networkDown();
    expect(await outbox.retry(queued.outboxId)).toMatchObject({ status: 'queued' });
    expect(x.posts).toHaveLength(0);
    expect((await outbox.list())[0]).toMatchObject({
      attempts: 2,
      lastError: expect.stringMatching(/reached/),
    });
  });

  it('shares one send between two retries of the same post at once', async () => {
    x.next.push(status(503));
    const queued = await outbox.send({
      text: 'Once only',
      replyToPostId: null,
      accountId: null,
      draftId: null,
    });
    if (queued.status !== 'queued') throw new Error('expected the outbox');
    const [a, b] = await Promise.all([outbox.retry(queued.outboxId), outbox.retry(queued.outboxId)]);
    expect(a).toEqual(b);
    expect(x.posts.filter((p) => p.text === 'Once only')).toHaveLength(1);
  });
});

describe('a worker stopped in the middle of a send', () => {
  it('leaves the post in the outbox as interrupted; the next worker finds it at X and does not post it again', async () => {
    const draft = await saveDraft(db, { text: 'Launch day at Acme' }, T0);
    // The post reaches X, then the worker is stopped before X's answer arrives: it never settles.
    const stopped: OutboxX = {
      post: async (text) => {
        x.posts.push({ id: '2000', text, at: now });
        return new Promise<never>(() => {});
      },
      ownRecentPosts: () => x.ownRecentPosts(),
    };
    void new Outbox({ db: async () => db, x: stopped, now: () => now }).send({
      text: 'Launch day at Acme',
      replyToPostId: null,
      accountId: null,
      draftId: draft.id,
    });
    await expect
      .poll(async () => (await outbox.list()).map((item) => item.lastError))
      .toEqual([
        'The send was interrupted before X answered. It is checked at X before it is sent again, so it never goes out twice.',
      ]);

    now += 60_000;
    const restarted = new Outbox({ db: async () => db, x, now: () => now });
    const [result] = await restarted.retryAll();
    expect(result?.outcome).toMatchObject({ status: 'posted', id: '2000', alreadyOnX: true });
    expect(x.posts).toHaveLength(1);
    expect(await outbox.list()).toEqual([]);
    expect(await db.get('drafts', draft.id)).toBeUndefined();
  });
});
