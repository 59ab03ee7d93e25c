import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Send } from '@/components/panel/api';
import { RecordPanel } from '@/components/panel/RecordPanel';
import type { CrmRecord } from '@/lib/crm/record';
import type { PanelView } from '@/lib/messages/association-messages';
import type { XPerson } from '@/lib/x/people';
import { partsText, textParts } from '@/lib/x/post-text';
import type { XPost } from '@/lib/x/post-view';

const lead: CrmRecord = {
  crm: 'zoho',
  tenant: 'org123',
  type: 'lead',
  id: '1',
  url: 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001',
  fullName: '<img src=x onerror=alert(1)> Maria Garcia',
  company: 'Acme Robotics',
  twitterField: 'ask me',
};

const BIO = 'Robots at Acme Robotics. javascript:alert(1) https://acmerobotics.com/blog';
const maria: XPerson = {
  id: '101',
  name: 'Maria Garcia',
  handle: 'mgarcia_acme',
  bio: BIO,
  bioParts: textParts(
    BIO,
    {
      urls: [
        {
          start: 45,
          end: 74,
          url: 'https://acmerobotics.com/blog',
          expanded_url: 'https://acmerobotics.com/blog',
          display_url: 'acmerobotics.com/blog',
        },
      ],
    },
    false,
  ),
  protected: false,
  location: 'Austin, TX',
  url: 'https://acmerobotics.com',
  avatarUrl: null,
  verified: true,
  joinedAt: '2015-03-01T00:00:00.000Z',
  followers: 1200,
  following: 80,
  posts: 300,
};

const unassociated: PanelView = {
  record: lead,
  field: { kind: 'invalid', raw: 'ask me' },
  association: null,
  person: null,
  problem: null,
};

/** A background that answers like the real one, counting what the panel asks. */
function fakeBackground() {
  const calls: string[] = [];
  const send = vi.fn(async (name: string, input: unknown) => {
    calls.push(name);
    if (name === 'actingAccounts') return [];
    if (name === 'permissions')
      return { post: true, follow: true, engage: true, locked: false, allowedCrms: null };
    if (name === 'panelView') return unassociated;
    if (name === 'peopleSearch') {
      return {
        query: 'Maria Garcia',
        nextToken: null,
        priceUsd: 0.01,
        nextPriceUsd: 0.05,
        results: [
          { person: maria, confidence: 85, reasons: [{ key: 'matchCompany', detail: 'Acme Robotics' }] },
        ],
      };
    }
    if (name === 'associate') {
      // By X user id, as the account the panel acts as (null: the default); the handle is the worker's.
      expect(input).toEqual({ xUserId: '101', source: 'search', accountId: null });
      return {
        ...unassociated,
        association: { xUserId: '101', handle: 'mgarcia_acme', source: 'search', createdAt: 1 },
        person: maria,
      };
    }
    if (name === 'personPosts') {
      // X escapes post text: the panel shows it decoded, as text.
      const parts = textParts('Hello &lt;b&gt;CRM&lt;/b&gt;', {}, true);
      const post: XPost = {
        id: '9',
        text: partsText(parts),
        parts,
        createdAt: null,
        likes: 1,
        reposts: 0,
        replies: 0,
        author: null,
        repostedBy: null,
        quoted: null,
        notice: null,
      };
      return [post];
    }
    throw new Error(`unexpected ${name}`);
  });
  return { send: send as unknown as Send, calls };
}

describe('the record panel', () => {
  it('lists people found by name, best match first with its reason, and associates one', async () => {
    const { send, calls } = fakeBackground();
    render(<RecordPanel send={send} />);
    expect(screen.getByRole('status').textContent).toBe('Reading the record…');
    const results = await screen.findByRole('list', { name: 'People found on X' });
    expect(within(results).getByText(/Match 85%: mentions Acme Robotics/)).toBeTruthy();
    fireEvent.click(
      within(results).getByRole('button', { name: 'Associate @mgarcia_acme with this record' }),
    );
    expect(await screen.findByText('Associated with @mgarcia_acme.')).toBeTruthy();
    expect(await screen.findByText('Hello <b>CRM</b>')).toBeTruthy();
    expect(calls).toEqual([
      'actingAccounts',
      'permissions',
      'panelViewIfWarm',
      'panelView',
      'peopleSearch',
      'associate',
      'personPosts',
    ]);
  });

  it('shows the person the worker holds before the full view answers, as a panel loaded ahead of a click does', async () => {
    const associated = {
      ...unassociated,
      association: { xUserId: '101', handle: 'mgarcia_acme', source: 'search', createdAt: 1 },
      person: maria,
    };
    const send = (async (name: string) => {
      if (name === 'panelViewIfWarm') return associated;
      // Held: a hidden panel asks the worker for the full view only once it is shown.
      if (name === 'panelView') return new Promise(() => {});
      if (name === 'personPosts') return [];
      if (name === 'actingAccounts') return [];
      return null;
    }) as unknown as Send;
    render(<RecordPanel send={send} />);
    await waitFor(() => expect(document.querySelector('.profile')?.textContent).toContain('@mgarcia_acme'));
  });

  it('waits for the full view when the worker holds nothing warm', async () => {
    let answer: (view: typeof unassociated) => void = () => {};
    let warmAsked: () => void = () => {};
    const warmAnswered = new Promise<void>((resolve) => (warmAsked = resolve));
    const send = (async (name: string) => {
      if (name === 'panelViewIfWarm') {
        warmAsked();
        return null;
      }
      if (name === 'panelView') return new Promise((resolve) => (answer = resolve));
      if (name === 'actingAccounts') return [];
      return null;
    }) as unknown as Send;
    render(<RecordPanel send={send} />);
    // The sign the panel asked and heard nothing warm: its answer is in, and a turn has passed.
    await warmAnswered;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByRole('status').textContent).toBe('Reading the record…');
    answer(unassociated);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
  });

  it('renders page and X text as text, links only http(s), and names a field that is not a handle', async () => {
    const { send } = fakeBackground();
    render(<RecordPanel send={send} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('<img src=x onerror=alert(1)> Maria Garcia');
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByText('“ask me” (not an X handle)')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Associate @mgarcia_acme with this record' }));
    await screen.findByText('Associated with @mgarcia_acme.');
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://acmerobotics.com/blog');
    expect(hrefs.every((href) => href?.startsWith('https://'))).toBe(true);
  });
});
