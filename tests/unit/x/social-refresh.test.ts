// @vitest-environment node
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { putAssociation } from '@/lib/store/associations';
import { openDatabase } from '@/lib/store/db';
import { listSocialItems } from '@/lib/store/social';
import { XService } from '@/lib/x/service';
import { quoteSocialRefresh, refreshSocial } from '@/lib/x/social-refresh';
import { spentOn, utcDay } from '@/lib/x/usage';
import { type FakeX, startFakeX } from '../../fake-x';
import { postAs } from '../../fake-x/conversations';
import { emulatorFetch } from './emulator-fetch';

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

beforeEach(async () => {
  fakeBrowser.reset();
  x.reset();
  budget = null;
  requests = [];
  db = await openDatabase(undefined, NAME);
  await saveAppKeys(db, {
    consumerKey: x.app.consumerKey,
    consumerSecret: x.app.consumerSecret,
    clientId: x.app.clientId,
    verifiedAt: 1,
  });
  const token = x.issueOAuth1Token('samrep_crm');
  sam = token.userId;
  await putAccount(db, {
    xUserId: sam,
    name: 'Sales team',
    handle: 'samrep_crm',
    avatarUrl: '',
    authKind: 'oauth1',
    enabled: true,
    isDefault: true,
    needsSignIn: false,
    oauth1: { token: token.accessToken, tokenSecret: token.accessSecret },
  });
  service = new XService({
    db: async () => db,
    fetch: emulatorFetch(x, (url) => requests.push(url)),
    now,
    dailyBudget: async () => budget,
  });
  await associate('maria_acme', 'contact', 'Maria Garcia', '4876876000000111001');
  await associate('priyaraman', 'lead', 'Priya Raman', '4876876000000222001');
});
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
