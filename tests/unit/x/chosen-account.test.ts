// @vitest-environment node
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HandlerError } from '@/lib/messages/router';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { openDatabase } from '@/lib/store/db';
import { saveDraft } from '@/lib/store/drafts';
import type { Account } from '@/lib/store/schema';
import { Outbox } from '@/lib/x/outbox';
import { XService } from '@/lib/x/service';
import { type FakeX, startFakeX } from '../../fake-x';
import { emulatorFetch } from './emulator-fetch';

/**
 * Writes go out as the account the person chose, or not at all; and every send, the first or
 * a retry, passes the same guard at the moment it leaves.
 */

const NAME = 'x-crm-chosen-account-test';
let x: FakeX;
let db: Awaited<ReturnType<typeof openDatabase>>;
let service: XService;
let defaultAccount: Account;
let otherAccount: Account;
/** What the guard says now: undefined lets posts go, a sentence refuses them. */
let policyRefusal: string | undefined;
let online = true;

/** Write calls X received (anything but GET on the v2 API). */
const writesAtX = () => x.calls.filter((call) => call.path.startsWith('/2/') && call.method !== 'GET');

function accountFor(handle: string, name: string, isDefault: boolean): Account {
  const token = x.issueOAuth1Token(handle);
  return {
    xUserId: token.userId,
    name,
    handle,
    avatarUrl: '',
    authKind: 'oauth1',
    enabled: true,
    isDefault,
    needsSignIn: false,
    oauth1: { token: token.accessToken, tokenSecret: token.accessSecret },
  };
}

function outbox() {
  return new Outbox({
    db: async () => db,
    x: service,
    guard: async () => {
      if (policyRefusal) throw new HandlerError('policy-forbidden', policyRefusal);
    },
  });
}

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

beforeEach(async () => {
  fakeBrowser.reset();
  x.reset();
  policyRefusal = undefined;
  online = true;
  db = await openDatabase(undefined, NAME);
  await saveAppKeys(db, {
    consumerKey: x.app.consumerKey,
    consumerSecret: x.app.consumerSecret,
    clientId: x.app.clientId,
    verifiedAt: 1,
  });
  defaultAccount = accountFor('samrep_crm', 'Sales team', true);
  otherAccount = accountFor('maria_acme', 'Maria', false);
  await putAccount(db, defaultAccount);
  await putAccount(db, otherAccount);
  const base = emulatorFetch(x);
  service = new XService({
    db: async () => db,
    fetch: (input, init) => (online ? base(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
  });
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

const disable = (account: Account) => putAccount(db, { ...account, enabled: false });
const aPost = () => [...x.state.posts.values()].find((post) => post.authorId !== defaultAccount.xUserId);

describe('a write as a chosen account that was disabled or deleted', () => {
  it.each(['follow', 'like', 'repost', 'post'] as const)(
    '%s is refused with the reason; nothing reaches X as the default account',
    async (write) => {
      await disable(otherAccount);
      const target = aPost();
      const attempt = {
        follow: () => service.follow(target?.authorId ?? '', otherAccount.xUserId),
        like: () => service.like(target?.id ?? '', false, otherAccount.xUserId),
        repost: () => service.repost(target?.id ?? '', false, otherAccount.xUserId),
        post: () => service.post('As Maria', null, false, otherAccount.xUserId),
      }[write];
      await expect(attempt()).rejects.toMatchObject({
        code: 'account-unavailable',
        message:
          '@maria_acme is disabled in the integration manager, so nothing was sent. Enable it there, or choose another account.',
      });
      expect(writesAtX()).toEqual([]);
    },
  );

  it('a deleted account is named as deleted, and the post stays a draft, not in the outbox', async () => {
    const draftId = (await saveDraft(db, { text: 'As someone gone' }, Date.now())).id;
    await expect(
      outbox().send({ text: 'As someone gone', replyToPostId: null, accountId: '999999', draftId }),
    ).rejects.toMatchObject({
      code: 'account-unavailable',
      message:
        'The chosen X account was deleted in the integration manager, so nothing was sent. Choose another account.',
    });
    expect(writesAtX()).toEqual([]);
    expect(await outbox().list()).toEqual([]);
    expect((await db.get('drafts', draftId))?.text).toBe('As someone gone');
  });

  it('with no account chosen, the enabled default still posts', async () => {
    const outcome = await outbox().send({
      text: 'As the team',
      replyToPostId: null,
      accountId: null,
      draftId: null,
    });
    expect(outcome).toMatchObject({ status: 'posted' });
    expect(writesAtX()).toHaveLength(1);
  });
});

describe('a post waiting in the outbox is sent again only if it may go out now', () => {
  async function queue(accountId: string | null) {
    online = false;
    const outcome = await outbox().send({
      text: 'Queued earlier',
      replyToPostId: null,
      accountId,
      draftId: null,
    });
    expect(outcome.status).toBe('queued');
    online = true;
  }

  it('stays in the outbox with the policy’s reason when the policy now forbids posting', async () => {
    await queue(null);
    policyRefusal = 'Your organisation’s policy does not allow this action.';
    const [result] = await outbox().retryAll();
    expect(result?.outcome).toEqual({
      status: 'queued',
      outboxId: expect.any(String),
      reason: 'Your organisation’s policy does not allow this action.',
    });
    // Not even the check for an earlier attempt was read: nothing is spent on a post that cannot go.
    expect(x.calls.filter((call) => call.path.startsWith('/2/'))).toEqual([]);
    const [item] = await outbox().list();
    expect(item).toMatchObject({
      text: 'Queued earlier',
      lastError: 'Your organisation’s policy does not allow this action.',
    });
    // Allowed again, it goes out once.
    policyRefusal = undefined;
    await outbox().retryAll();
    expect(writesAtX()).toHaveLength(1);
    expect(await outbox().list()).toEqual([]);
  });

  it('stays in the outbox with the reason when its account was disabled meanwhile; never sent as the default', async () => {
    await queue(otherAccount.xUserId);
    await disable(otherAccount);
    const [result] = await outbox().retryAll();
    expect(result?.outcome).toMatchObject({
      status: 'queued',
      reason: expect.stringMatching(/^@maria_acme is disabled/),
    });
    expect(x.calls.filter((call) => call.path.startsWith('/2/'))).toEqual([]);
    expect((await outbox().list())[0]?.lastError).toMatch(/^@maria_acme is disabled/);
  });

  it('a first send is refused by the same guard, and nothing is queued', async () => {
    policyRefusal = 'Your organisation’s policy does not allow this action.';
    await expect(
      outbox().send({ text: 'Now', replyToPostId: null, accountId: null, draftId: null }),
    ).rejects.toMatchObject({ code: 'policy-forbidden' });
    expect(writesAtX()).toEqual([]);
    expect(await outbox().list()).toEqual([]);
  });
});
