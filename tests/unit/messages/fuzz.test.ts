import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/entrypoints/background/handlers';
import type { CrmRecord } from '@/lib/crm/record';
import { readPageStrings } from '@/lib/messages/page-strings';
import { type MessageName, protocol } from '@/lib/messages/protocol';
import { createRouter } from '@/lib/messages/router';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { putAssociation } from '@/lib/store/associations';
import { database } from '@/lib/store/db';
import { saveDraft } from '@/lib/store/drafts';

/**
 * Hostile messages: what a compromised or buggy content script on a CRM page could send.
 * Every one of them must be answered (never thrown), refused with a code and a sentence
 * unless it is the content script's own message with valid input, and change nothing.
 */

const MESSAGES = 10_000;
const self = { extensionId: 'ourextensionid', extensionOrigins: ['chrome-extension://ourextensionid'] };
const route = createRouter(handlers, self);
const TAB = 7;
const fromZoho: Runtime.MessageSender = {
  id: self.extensionId,
  url: 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001',
  tab: { id: TAB } as Tabs.Tab,
  frameId: 0,
};
const CONTENT_MESSAGES = new Set(
  (Object.keys(protocol) as MessageName[]).filter((name) =>
    (protocol[name].from as readonly string[]).includes('content'),
  ),
);

const record: CrmRecord = {
  crm: 'zoho',
  tenant: 'zoho.com',
  type: 'lead',
  id: '4876876000000333001',
  url: 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001',
  fullName: 'Maria Garcia',
  company: 'Acme Robotics',
  email: 'maria@acmerobotics.com',
  twitterField: '@maria_acme',
};

/** True when `reported` is the record the sender's URL names (the one `record` is). */
const namesSenderRecord = (reported: CrmRecord) =>
  (['crm', 'tenant', 'type', 'id'] as const).every((key) => reported[key] === record[key]);

/** Valid inputs for every message, so mutations start from something that would pass the schema. */
const SAMPLES: Partial<Record<MessageName, unknown>> = {
  recordDetected: { ...record, at: 1 },
  recordLeft: { at: 1 },
  panelTab: {},
  draftSave: { text: 'hello', replyToPostId: null, accountId: null },
  draftList: {},
  draftLatest: {},
  draftGet: { id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
  draftDelete: { id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
  managerState: {},
  keysSave: { consumerKey: 'k', consumerSecret: 's', clientId: 'c' },
  keysDelete: { confirm: 'DELETE' },
  accountAddStart: { name: 'Sales' },
  accountAddFinish: { pin: '1234567' },
  accountAddOauth2: { name: 'Sales' },
  accountUpdate: { xUserId: '1400000000000000000', enabled: false },
  accountDelete: { xUserId: '1400000000000000000' },
  panelView: {},
  peopleSearch: {},
  personByHandle: { handle: 'maria_acme' },
  associate: { xUserId: '1400000000000000001', handle: 'maria_acme', source: 'search' },
  disassociate: {},
  permissions: {},
  personPosts: { xUserId: '1400000000000000001' },
  actingAccounts: {},
  personFollow: { xUserId: '1400000000000000001', follow: true },
  postLike: { postId: '1', undo: false },
  postRepost: { postId: '1', undo: false },
  postCreate: { text: 'hello' },
  peoplePage: { xUserId: '1400000000000000001', list: 'followers' },
  savePhoto: { xUserId: '1400000000000000001' },
};

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const SEED = 0x5eed_c0de;
const rand = prng(SEED);

const HUGE = 'A'.repeat(1_000_000);
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202E\u2066',
  '<img src=x onerror=alert(1)>',
  '"><script>globalThis.__pwned=1</script>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '../../../../etc/passwd',
  "'; DROP TABLE associations; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, on purpose
  '${globalThis.__pwned=1}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '1'.repeat(21),
  'https://crm.zoho.com.evil.example/crm/org123/tab/Leads/1',
  'http://crm.zoho.com/crm/org123/tab/Leads/1',
  'x'.repeat(501),
  'y'.repeat(4001),
  HUGE,
];
const UNKNOWN_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'deleteEverything',
  'RecordDetected',
  'recordDetected ',
  '',
  'n'.repeat(101),
];
const NAMES = Object.keys(protocol) as MessageName[];

/** JSON text with keys that a plain object literal could not hold as own properties. */
const POLLUTERS = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":{"ok":true,"value":1}}',
  '{"prototype":{"polluted":true},"__proto__":null}',
];

function randomString(): string {
  const roll = rand.int(4);
  if (roll === 0) return rand.pick(HOSTILE_STRINGS);
  if (roll === 1)
    return String.fromCharCode(...Array.from({ length: rand.int(40) }, () => rand.int(0x10000)));
  if (roll === 2) return rand.next().toString(36).slice(2);
  return rand.pick(NAMES);
}

function deep(depth: number): unknown {
  let value: unknown = rand.pick([{}, [], 'leaf', null]);
  for (let i = 0; i < depth; i++) value = rand.next() < 0.5 ? [value] : { a: value, input: value };
  return value;
}

/** Any value a structured-clone channel could carry, hostile on purpose. */
function randomValue(depth = 0): unknown {
  switch (rand.int(depth > 3 ? 8 : 12)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rand.pick([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1, -0]);
    case 3:
      return rand.next() < 0.5;
    case 4:
    case 5:
      return randomString();
    case 6:
      return JSON.parse(rand.pick(POLLUTERS));
    case 7:
      return deep(rand.pick([10, 100, 1000, 5000]));
    case 8:
      return Array.from({ length: rand.int(5) }, () => randomValue(depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = rand.int(5); i > 0; i--) {
        Object.defineProperty(object, randomString(), {
          value: randomValue(depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return object;
    }
  }
}

/** A valid input with one thing changed: a field removed, retyped, oversized or added. */
function mutate(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return randomValue();
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(input));
  const keys = Object.keys(copy);
  const key = keys.length > 0 && rand.next() < 0.8 ? rand.pick(keys) : randomString();
  switch (rand.int(6)) {
    case 0:
      delete copy[key];
      break;
    case 1:
      copy[key] = randomValue();
      break;
    case 2:
      copy[key] = rand.pick(HOSTILE_STRINGS);
      break;
    case 3:
      return Object.assign(JSON.parse(rand.pick(POLLUTERS)), copy);
    case 4:
      Object.defineProperty(copy, rand.pick(['__proto__', 'constructor', 'prototype']), {
        value: randomValue(),
        enumerable: true,
        configurable: true,
        writable: true,
      });
      break;
    default:
      copy[key] = `${String(copy[key])}${rand.pick(HOSTILE_STRINGS)}`;
  }
  return copy;
}

function randomMessage(): unknown {
  const roll = rand.int(10);
  if (roll === 0) return randomValue();
  if (roll === 1) {
    // Envelopes with extra, missing or mistyped keys.
    const envelope: Record<string, unknown> = { name: rand.pick(NAMES), input: randomValue() };
    if (rand.next() < 0.5) envelope[randomString()] = randomValue();
    else delete envelope[rand.pick(['name', 'input'])];
    return envelope;
  }
  if (roll === 2) return { name: randomValue(), input: randomValue() };
  if (roll === 3) return { name: rand.pick(UNKNOWN_NAMES), input: randomValue() };
  if (roll === 4)
    return JSON.parse(`{"name":"recordDetected","input":${JSON.stringify(record)},"__proto__":{}}`);
  const name = roll < 7 ? rand.pick([...CONTENT_MESSAGES]) : rand.pick(NAMES);
  const sample = SAMPLES[name] ?? {};
  // Now and then the valid input itself, so the allowed path is exercised too.
  return { name, input: rand.next() < 0.15 ? sample : mutate(sample) };
}

/** Everything the background keeps: both storage areas and every IndexedDB store. */
async function snapshot(): Promise<string> {
  const local = await fakeBrowser.storage.local.get(null);
  const session = await fakeBrowser.storage.session.get(null);
  // The content script's own allowed messages may change its tab's record, and only that.
  delete session[`tab-record:${TAB}`];
  const db = await database();
  const stores: Record<string, unknown> = {};
  for (const name of [...db.objectStoreNames].sort()) {
    stores[name] = { keys: await db.getAllKeys(name), values: await db.getAll(name) };
  }
  return JSON.stringify({ local, session, stores });
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { dailyBudgetUsd: 5 } });
  await fakeBrowser.storage.session.set({ 'tab-record:99': { ...record, id: '99' } });
  const db = await database();
  await saveAppKeys(db, {
    consumerKey: 'key',
    consumerSecret: 'secret-secret',
    clientId: 'client',
    verifiedAt: 1,
  });
  await putAccount(db, {
    xUserId: '1400000000000000000',
    name: 'Sales team',
    handle: 'samrep_crm',
    avatarUrl: '',
    authKind: 'oauth1',
    enabled: true,
    isDefault: true,
    needsSignIn: false,
    oauth1: { token: 'token', tokenSecret: 'token-secret' },
  });
  await putAssociation(db, {
    crm: 'zoho',
    tenant: 'zoho.com',
    type: 'lead',
    id: '4876876000000333001',
    xUserId: '1400000000000000001',
    handle: 'maria_acme',
    source: 'search',
    createdAt: 1,
    byAccount: null,
  });
  await saveDraft(db, { text: 'kept', replyToPostId: null, accountId: null }, 1);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe(`${MESSAGES.toLocaleString('en')} hostile messages from a content script (seed ${SEED})`, () => {
  it('are all answered, refused unless allowed and valid, and change nothing', {
    timeout: 120_000,
  }, async () => {
    const before = await snapshot();
    const codes = new Map<string, number>();
    let allowed = 0;
    /** The latest decision time of the record reports kept so far. */
    let lastDecidedAt = 0;
    for (let i = 0; i < MESSAGES; i++) {
      const message = randomMessage();
      let reply: Awaited<ReturnType<typeof route>>;
      try {
        reply = await route(message, fromZoho);
      } catch (error) {
        throw new Error(`message #${i} threw: ${String(error)}`);
      }
      const envelope = message as { name?: unknown; input?: unknown } | null;
      const name = typeof envelope?.name === 'string' ? envelope.name : '';
      const parsed = CONTENT_MESSAGES.has(name as MessageName)
        ? protocol[name as MessageName].input.safeParse(envelope?.input)
        : undefined;
      const isOwn =
        parsed?.success === true &&
        Object.keys(envelope ?? {})
          .sort()
          .join() === 'input,name' &&
        // A record is kept only when it is the one the sender's URL names.
        (name !== 'recordDetected' || namesSenderRecord(parsed.data as CrmRecord));
      if (isOwn) {
        // Its own page's settings are the one answer with a value; no rule is for this host.
        const value =
          name === 'pageSettings' ? { disabledCrms: [], rules: [], strings: readPageStrings() } : null;
        expect(reply, `message #${i}`).toEqual({ ok: true, value });
        allowed++;
        if (name === 'recordLeft')
          lastDecidedAt = Math.max(lastDecidedAt, (parsed.data as { at: number }).at);
        if (name === 'recordDetected') {
          // What is kept is the parsed record: unknown keys (__proto__ included) are dropped.
          const stored = (await fakeBrowser.storage.session.get(`tab-record:${TAB}`))[`tab-record:${TAB}`];
          const { at, ...parsed } = protocol.recordDetected.input.parse(envelope?.input);
          // A report decided before the last one kept changes nothing (the last decision wins).
          if (at >= lastDecidedAt) expect(stored).toEqual({ record: { ...parsed, url: fromZoho.url }, at });
          else expect((stored as { at: number }).at).toBe(lastDecidedAt);
          lastDecidedAt = Math.max(lastDecidedAt, at);
          const kept = (stored as { record: object | null }).record ?? {};
          expect(Object.keys(kept).every((key) => key in record)).toBe(true);
        }
      } else {
        expect(reply.ok, `message #${i} was accepted`).toBe(false);
        if (reply.ok) continue;
        expect(Object.keys(reply).sort()).toEqual(['error', 'ok']);
        expect(Object.keys(reply.error).sort()).toEqual(['code', 'message']);
        expect(typeof reply.error.code).toBe('string');
        expect(typeof reply.error.message).toBe('string');
        expect(reply.error.message.length).toBeGreaterThan(0);
        // A sentence for people, not the message echoed back.
        expect(reply.error.message.length).toBeLessThan(2_000);
        codes.set(reply.error.code, (codes.get(reply.error.code) ?? 0) + 1);
      }
    }
    // Let any stray promise settle before looking for unhandled rejections.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(await snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The run covered every kind of refusal and the allowed path.
    expect(allowed).toBeGreaterThan(100);
    for (const code of ['malformed-message', 'unknown-message', 'sender-not-allowed', 'invalid-input']) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(100);
    }
    expect(codes.get('internal-error') ?? 0).toBe(0);
  });

  it('refuses every message that is not the content script’s own, whatever the input', async () => {
    const before = await snapshot();
    for (const name of NAMES.filter((n) => !CONTENT_MESSAGES.has(n))) {
      for (const input of [SAMPLES[name] ?? {}, mutate(SAMPLES[name] ?? {}), randomValue()]) {
        expect(await route({ name, input }, fromZoho)).toMatchObject({
          ok: false,
          error: { code: 'sender-not-allowed' },
        });
      }
    }
    expect(await snapshot()).toBe(before);
  });
});
