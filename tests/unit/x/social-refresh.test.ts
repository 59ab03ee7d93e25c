// @vitest-environment node
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putAccount } from '@/lib/store/accounts';
import { putAssociation } from '@/lib/store/associations';
import type { openDatabase } from '@/lib/store/db';
import { listSocialItems } from '@/lib/store/social';
import { XService } from '@/lib/x/service';
import { quoteSocialRefresh, refreshSocial } from '@/lib/x/social-refresh';
import { spentOn, utcDay } from '@/lib/x/usage';
import { type FakeX, startFakeX } from '../../fake-x';
import { postAs } from '../../fake-x/conversations';
import { emulatorFetch } from './emulator-fetch';
import { openSignedIn } from './signed-in';

const NAME = 'x-crm-social-test';
const MINUTE = 60_000;
let x: FakeX;
let db: Awaited<ReturnType<typeof openDatabase>>;
let service: XService;
let sam: string;
let budget: number | null = null;
let requests: string[] = [];

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

const idOf = (username: string) => x.state.userByUsername(username)?.id ?? '';
const now = () => x.clock.now();

async function associate(username: string, type: 'lead' | 'contact' | 'company', name: string, id: string) {
  await putAssociation(db, {
    crm: 'zoho',
    tenant: 'com',
    type,
    id,
    xUserId: idOf(username),
    handle: username,
    source: 'search',
    createdAt: 1,
    byAccount: null,
    recordName: name,
    url: `https://crm.zoho.com/crm/org123456/tab/${type === 'lead' ? 'Leads' : 'Contacts'}/${id}`,
  });
}

/** A fresh world with Sam signed in by `auth`, and Maria (contact) and Priya (lead) associated. */
async function setUp(auth: 'oauth1' | 'oauth2') {
  fakeBrowser.reset();
  x.reset();
  budget = null;
  requests = [];
  ({ db } = await openSignedIn(x, NAME, auth));
  sam = idOf('samrep_crm');
  service = new XService({
    db: async () => db,
    fetch: emulatorFetch(x, (url) => requests.push(url)),
    now,
    dailyBudget: async () => budget,
  });
  await associate('maria_acme', 'contact', 'Maria Garcia', '4876876000000111001');
  await associate('priyaraman', 'lead', 'Priya Raman', '4876876000000222001');
}
let auth: 'oauth1' | 'oauth2' = 'oauth1';
beforeEach(() => setUp(auth));
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

/** Three people speak to Sam: an associated contact, an associated lead, someone unknown. */
function conversation() {
  x.clock.advance(MINUTE);
  const own = postAs(x.state, { username: 'samrep_crm', text: 'Our spring price list is out.' }, now());
  x.clock.advance(MINUTE);
  return {
    contact: postAs(x.state, { username: 'maria_acme', text: '@samrep_crm send the RFP please' }, now()),
    lead: postAs(
      x.state,
      { username: 'priyaraman', text: 'Any discount for pilots?', replyTo: own.id },
      now(),
    ),
    unknown: postAs(x.state, { username: 'seanoconnor', text: 'Hello @samrep_crm, we are hiring' }, now()),
  };
}

describe('the Social view’s refresh', () => {
  it('sorts the people who speak to the account into Customers, Leads and Potential contacts', async () => {
    const posts = conversation();
    await refreshSocial(db, service, { accountId: null }, now());
    const items = await listSocialItems(db);
    const column = (id: string) =>
      items.find((item) => item.key === id && item.kind === 'conversation')?.column;
    expect(column(posts.contact.id)).toBe('customers');
    expect(column(posts.lead.id)).toBe('leads');
    expect(column(posts.unknown.id)).toBe('potential');
    const contact = items.find((item) => item.key === posts.contact.id);
    expect(contact?.record?.url).toBe('https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000111001');
    expect(contact?.accountId).toBe(sam);
    expect(items.find((item) => item.key === posts.unknown.id)?.record).toBeNull();
  });

  it('reads news only since the last look: a second refresh with nothing new reads no post', async () => {
    await refreshSocial(db, service, { accountId: null }, now());
    x.clock.advance(MINUTE);
    const first = postAs(x.state, { username: 'maria_acme', text: 'We closed our funding round.' }, now());
    const second = postAs(x.state, { username: 'priyaraman', text: 'Hiring two analysts.' }, now());
    const news = await refreshSocial(db, service, { accountId: null }, now());
    expect(
      news.added
        .filter((item) => item.kind === 'news')
        .map((item) => item.key)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    requests = [];
    const readBefore = (await db.getAll('usage')).filter((row) => row.operation === 'read-post').length;
    const again = await refreshSocial(db, service, { accountId: null }, now() + MINUTE);
    expect(again.added).toEqual([]);
    // The news query of the second refresh started past what the first read.
    const searches = requests.filter((url) => url.includes('search/recent'));
    expect(searches).toHaveLength(1);
    expect(new URL(searches[0] ?? '').searchParams.get('since_id')).toBe([first.id, second.id].sort().at(-1));
    expect((await db.getAll('usage')).filter((row) => row.operation === 'read-post').length).toBe(readBefore);
    expect(again.costUsd).toBe(0);
  });

  it('says the most a refresh can cost before it, and the meter records no more than that', async () => {
    conversation();
    const day = utcDay(now());
    const quote = await quoteSocialRefresh(db, { accountId: null }, now());
    const before = await spentOn(db, day);
    const result = await refreshSocial(db, service, { accountId: null }, now());
    const recorded = (await spentOn(db, day)) - before;
    expect(Math.abs(result.costUsd - recorded)).toBeLessThan(0.01);
    expect(recorded).toBeLessThanOrEqual(quote.maxUsd + 1e-9);
  });

  it('prices the account’s own mentions as Owned Reads when it owns the X app', async () => {
    const account = await db.get('accounts', sam);
    if (account) await putAccount(db, { ...account, ownsApp: true });
    const quote = await quoteSocialRefresh(db, { accountId: sam }, now());
    expect(quote.ownedPosts).toBeGreaterThan(0);
    conversation();
    await refreshSocial(db, service, { accountId: sam }, now());
    const mentionRows = (await db.getAll('usage')).filter(
      (row) => row.operation === 'read-post' && row.costUsd === 0.001,
    );
    expect(mentionRows.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves out a since_id older than recent search’s seven days instead of failing', async () => {
    await refreshSocial(db, service, { accountId: null }, now());
    x.clock.advance(8 * 86_400_000);
    const fresh = postAs(x.state, { username: 'maria_acme', text: 'Back from holiday.' }, now());
    const result = await refreshSocial(db, service, { accountId: null }, now());
    expect(result.added.map((item) => item.key)).toContain(fresh.id);
  });

  it('stops at the daily budget, keeping what it read before', async () => {
    conversation();
    budget = 0;
    await expect(refreshSocial(db, service, { accountId: null }, now())).rejects.toMatchObject({
      problem: 'budget',
    });
    expect(x.calls.filter((call) => call.endpoint.includes('mentions'))).toHaveLength(0);
  });
});

describe('the price before a refresh, counted by X for an account signed in with OAuth 2.0', () => {
  beforeAll(() => {
    auth = 'oauth2';
  });
  afterAll(() => {
    auth = 'oauth1';
  });
  const day = () => utcDay(now());
  const counts = () => x.callsTo('GET /2/tweets/counts/recent');

  it('says one exact price when every author is known, and the meter records it within a cent', async () => {
    // The rep opened both records today, so X bills their authors no more today.
    await service.personById(idOf('maria_acme'));
    await service.personById(idOf('priyaraman'));
    await refreshSocial(db, service, { accountId: null }, now());
    x.clock.advance(MINUTE);
    postAs(x.state, { username: 'maria_acme', text: '@samrep_crm send the RFP please' }, now());
    postAs(x.state, { username: 'seanoconnor', text: 'Hello @samrep_crm, we are hiring' }, now());
    const quote = await quoteSocialRefresh(db, { accountId: null }, now(), service);
    expect(quote.counted).toBe(true);
    // Two mentions (news leaves out what the mentions read has); Seán is the one author billed.
    expect(quote.posts).toBe(2);
    expect(quote.authors).toBe(1);
    expect(quote.maxUsd).toBe(quote.exactUsd);
    const before = await spentOn(db, day());
    const result = await refreshSocial(db, service, { accountId: null }, now());
    const recorded = (await spentOn(db, day())) - before;
    expect(result.costUsd).toBeCloseTo(recorded, 6);
    expect(recorded).toBeCloseTo(quote.exactUsd, 6);
  });

  it('counts free the new posts a record panel already read today', async () => {
    await refreshSocial(db, service, { accountId: null }, now());
    x.clock.advance(MINUTE);
    postAs(x.state, { username: 'maria_acme', text: 'We closed our funding round.' }, now());
    postAs(x.state, { username: 'priyaraman', text: 'Hiring two analysts.' }, now());
    // The rep opens Maria's record: the panel reads her recent posts, the new one among them.
    await service.recentPosts(idOf('maria_acme'));
    const quote = await quoteSocialRefresh(db, { accountId: null }, now(), service);
    expect(quote.posts).toBe(2);
    expect(quote.exactUsd).toBe(0.005);
    const before = await spentOn(db, day());
    await refreshSocial(db, service, { accountId: null }, now());
    expect((await spentOn(db, day())) - before).toBeCloseTo(quote.exactUsd, 6);
  });

  it('prices new posts by known people exactly, to the cent', async () => {
    await refreshSocial(db, service, { accountId: null }, now());
    x.clock.advance(MINUTE);
    postAs(x.state, { username: 'maria_acme', text: 'We closed our funding round.' }, now());
    postAs(x.state, { username: 'priyaraman', text: 'Hiring two analysts.' }, now());
    const quote = await quoteSocialRefresh(db, { accountId: null }, now(), service);
    expect(quote).toMatchObject({ counted: true, posts: 2, left: 0 });
    expect(quote.maxUsd).toBe(quote.exactUsd);
    const before = await spentOn(db, day());
    const result = await refreshSocial(db, service, { accountId: null }, now());
    expect((await spentOn(db, day())) - before).toBeCloseTo(quote.exactUsd, 6);
    expect(result.costUsd).toBe(quote.exactUsd);
  });

  it('gives what cannot be known before reading as a range above the exact part', async () => {
    conversation();
    const quote = await quoteSocialRefresh(db, { accountId: null }, now(), service);
    expect(quote.counted).toBe(true);
    expect(quote.maxUsd).toBeGreaterThan(quote.exactUsd);
    const before = await spentOn(db, day());
    await refreshSocial(db, service, { accountId: null }, now());
    const recorded = (await spentOn(db, day())) - before;
    expect(recorded).toBeGreaterThanOrEqual(quote.exactUsd - 0.01);
    expect(recorded).toBeLessThanOrEqual(quote.maxUsd + 1e-9);
  });

  it('reads nothing where X counts nothing new', async () => {
    await refreshSocial(db, service, { accountId: null }, now());
    const reads = () => x.calls.filter((call) => /mentions|search\/recent/.test(call.endpoint)).length;
    const readsBefore = reads();
    const countsBefore = counts().length;
    const again = await refreshSocial(db, service, { accountId: null }, now());
    expect(again).toMatchObject({ added: [], costUsd: 0, left: 0 });
    expect(reads()).toBe(readsBefore);
    expect(counts().length).toBeGreaterThan(countsBefore);
  });

  it('reads a backlog over one page page by page, the price said first', async () => {
    await refreshSocial(db, service, { accountId: null }, now());
    for (let i = 0; i < 105; i++) {
      x.clock.advance(1000);
      postAs(x.state, { username: 'maria_acme', text: `Update number ${i + 1}` }, now());
    }
    const quote = await quoteSocialRefresh(db, { accountId: null }, now(), service);
    expect(quote).toMatchObject({ posts: 105, left: 0, exactUsd: 0.525 });
    requests = [];
    const before = await spentOn(db, day());
    const result = await refreshSocial(db, service, { accountId: null }, now());
    expect(result.added.filter((item) => item.kind === 'news')).toHaveLength(105);
    expect(result).toMatchObject({ left: 0, more: false });
    expect((await spentOn(db, day())) - before).toBeCloseTo(0.525, 6);
    expect(requests.filter((url) => url.includes('search/recent'))).toHaveLength(2);
  });

  it('stops at the cap of a source and says how many it leaves', async () => {
    await refreshSocial(db, service, { accountId: null }, now());
    for (let i = 0; i < 305; i++) {
      x.clock.advance(1000);
      postAs(x.state, { username: 'maria_acme', text: `Update number ${i + 1}` }, now());
    }
    const quote = await quoteSocialRefresh(db, { accountId: null }, now(), service);
    expect(quote).toMatchObject({ posts: 300, left: 5 });
    const result = await refreshSocial(db, service, { accountId: null }, now());
    const news = result.added.filter((item) => item.kind === 'news');
    expect(news).toHaveLength(300);
    expect(result).toMatchObject({ left: 5, more: true });
    // The newest were read; the five oldest are the ones left.
    expect(news.map((item) => item.post.text)).toContain('Update number 305');
    expect(news.map((item) => item.post.text)).not.toContain('Update number 5');
  });
});

describe('the price before a refresh for an account X will not count for (OAuth 1.0a)', () => {
  it('is a ceiling, and asks X for no count', async () => {
    conversation();
    const quote = await quoteSocialRefresh(db, { accountId: null }, now(), service);
    expect(quote).toMatchObject({ counted: false, exactUsd: 0 });
    expect(quote.maxUsd).toBeGreaterThan(0);
    expect(x.callsTo('GET /2/tweets/counts/recent')).toHaveLength(0);
  });
});
