import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '@/entrypoints/background/handlers';
import { createRouter } from '@/lib/messages/router';
import { DB_VERSION, database, openDatabase } from '@/lib/store/db';
import { deleteDraft, getDraft, latestDraft, listDrafts, saveDraft } from '@/lib/store/drafts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let dbCount = 0;
const freshDatabase = () => openDatabase(DB_VERSION, `drafts-test-${++dbCount}`);

describe('drafts repository', () => {
  it('creates a draft with a new UUID and updates it in place', async () => {
    const db = await freshDatabase();
    const created = await saveDraft(db, { text: 'Hello' }, 1000);
    expect(created).toEqual({
      id: expect.stringMatching(UUID),
      text: 'Hello',
      replyToPostId: null,
      accountId: null,
      updatedAt: 1000,
      problem: null,
    });
    const updated = await saveDraft(db, { id: created.id, text: 'Hello, world' }, 2000);
    expect(updated).toEqual({ ...created, text: 'Hello, world', updatedAt: 2000 });
    expect(await getDraft(db, created.id)).toEqual(updated);
    expect(await listDrafts(db)).toHaveLength(1);
  });

  it('keeps the reply and account of a draft when only its text changes', async () => {
    const db = await freshDatabase();
    const draft = await saveDraft(db, { text: 'a', replyToPostId: '1234', accountId: '99' }, 10);
    const again = await saveDraft(db, { id: draft.id, text: 'ab' }, 20);
    expect(again).toMatchObject({ replyToPostId: '1234', accountId: '99', text: 'ab' });
  });

  it('lists the most recently edited first, and the latest alone', async () => {
    const db = await freshDatabase();
    const first = await saveDraft(db, { text: 'first' }, 100);
    const second = await saveDraft(db, { text: 'second' }, 200);
    const third = await saveDraft(db, { text: 'third' }, 300);
    expect((await listDrafts(db)).map((d) => d.text)).toEqual(['third', 'second', 'first']);
    await saveDraft(db, { id: first.id, text: 'first, edited' }, 400);
    expect((await listDrafts(db)).map((d) => d.id)).toEqual([first.id, third.id, second.id]);
    expect((await latestDraft(db))?.text).toBe('first, edited');
  });

  it('orders two saves in the same millisecond by when they happened', async () => {
    const db = await freshDatabase();
    const a = await saveDraft(db, { text: 'a' }, 500);
    const b = await saveDraft(db, { id: a.id, text: 'ab' }, 500);
    expect(b.updatedAt).toBeGreaterThan(a.updatedAt);
  });

  it('deletes a draft, and deleting twice is harmless', async () => {
    const db = await freshDatabase();
    const draft = await saveDraft(db, { text: 'bye' });
    await deleteDraft(db, draft.id);
    await deleteDraft(db, draft.id);
    expect(await getDraft(db, draft.id)).toBeNull();
    expect(await listDrafts(db)).toEqual([]);
    expect(await latestDraft(db)).toBeNull();
  });
});

describe('draft messages', () => {
  const self = { extensionId: 'ourextensionid', extensionOrigins: ['chrome-extension://ourextensionid'] };
  const route = createRouter(handlers, self);
  const fromPopup: Runtime.MessageSender = {
    id: self.extensionId,
    url: 'chrome-extension://ourextensionid/popup.html',
  };
  const fromCrmPage: Runtime.MessageSender = {
    id: self.extensionId,
    url: 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001',
    tab: { id: 7 } as Runtime.MessageSender['tab'],
  };

  beforeEach(async () => {
    await (await database()).clear('drafts');
  });

  it('saves, lists, reads and deletes a draft for the popup', async () => {
    const saved = await route({ name: 'draftSave', input: { text: 'From the popup' } }, fromPopup);
    expect(saved.ok).toBe(true);
    const draft = saved.ok ? (saved.value as { id: string }) : { id: '' };
    expect(draft.id).toMatch(UUID);
    expect(await route({ name: 'draftLatest', input: {} }, fromPopup)).toMatchObject({
      ok: true,
      value: { id: draft.id, text: 'From the popup' },
    });
    expect(await route({ name: 'draftList', input: {} }, fromPopup)).toMatchObject({
      ok: true,
      value: [{ id: draft.id }],
    });
    expect(await route({ name: 'draftGet', input: { id: draft.id } }, fromPopup)).toMatchObject({
      ok: true,
      value: { id: draft.id },
    });
    expect(await route({ name: 'draftDelete', input: { id: draft.id } }, fromPopup)).toEqual({
      ok: true,
      value: null,
    });
    expect(await route({ name: 'draftLatest', input: {} }, fromPopup)).toEqual({ ok: true, value: null });
  });

  it('keeps a draft over 280 characters, being edited', async () => {
    const reply = await route({ name: 'draftSave', input: { text: 'a'.repeat(5000) } }, fromPopup);
    expect(reply.ok).toBe(true);
  });

  it.each([
    ['text over 10,000 characters', { text: 'a'.repeat(10_001) }],
    ['an id that is not a UUID', { id: '../../etc', text: 'x' }],
    ['text that is not a string', { text: 42 }],
    ['a reply to something that is not a post id', { text: 'x', replyToPostId: 'javascript:1' }],
    ['unknown fields', { text: 'x', sneaky: true }],
  ])('refuses %s and stores nothing', async (_label, input) => {
    const reply = await route({ name: 'draftSave', input }, fromPopup);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('invalid-input');
    expect(await listDrafts(await database())).toEqual([]);
  });

  it('refuses a delete by a malformed id', async () => {
    const reply = await route({ name: 'draftDelete', input: { id: 'not-a-uuid' } }, fromPopup);
    expect(!reply.ok && reply.error.code).toBe('invalid-input');
  });

  it('refuses drafts from a content script on a CRM page', async () => {
    const reply = await route({ name: 'draftList', input: {} }, fromCrmPage);
    expect(!reply.ok && reply.error.code).toBe('sender-not-allowed');
  });
});
