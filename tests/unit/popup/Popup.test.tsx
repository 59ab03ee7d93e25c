import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '@/components/DraftList';
import type { Send } from '@/components/panel/api';
import { Popup } from '@/components/popup/Popup';
import type { OutboxView } from '@/lib/messages/outbox-messages';

const DRAFT: DraftSummary = {
  id: '7d3c1a52-2b1e-4c55-9a57-1f3a1d2e4b60',
  text: 'Pipeline review moved to Thursday',
  updatedAt: Date.UTC(2026, 10, 20),
  replyToPostId: null,
  accountId: null,
};

const WAITING: OutboxView = {
  id: '0b4f2a61-5c3d-4e7f-8a9b-2c1d0e3f4a5b',
  text: 'Webinar recording is up',
  replyToPostId: null,
  accountId: null,
  lastError: 'The network is down.',
  attempts: 1,
  firstAttemptAt: Date.UTC(2026, 10, 21),
  updatedAt: Date.UTC(2026, 10, 21),
};

type Answer = (input: unknown) => unknown;

/** A background answering like the real one, with some answers replaced; records every call. */
function fakeBackground(answers: Record<string, Answer> = {}) {
  const calls: { name: string; input: unknown }[] = [];
  let drafts: DraftSummary[] = [DRAFT];
  const defaults: Record<string, Answer> = {
    draftLatest: () => drafts[0] ?? null,
    draftList: () => drafts,
    outboxList: () => [],
    actingAccounts: () => [],
    permissions: () => ({ post: true, follow: true, engage: true, locked: false, allowedCrms: null }),
    mentionCandidates: () => [],
    draftSave: (input) => ({ ...(input as object), id: DRAFT.id, updatedAt: Date.now() }),
    draftDelete: (input) => {
      drafts = drafts.filter((draft) => draft.id !== (input as { id: string }).id);
      return null;
    },
  };
  const send = vi.fn(async (name: string, input: unknown) => {
    calls.push({ name, input });
    const answer = answers[name] ?? defaults[name];
    if (!answer) throw new Error(`unexpected ${name}`);
    return answer(input);
  });
  return { send: send as unknown as Send, calls, names: () => calls.map((call) => call.name) };
}

const textBox = () => screen.findByRole('textbox', { name: 'Post text' }) as Promise<HTMLTextAreaElement>;

describe('the popup', () => {
  it('opens on the latest draft, lists the drafts and offers the manager', async () => {
    const { send } = fakeBackground();
    const openManager = vi.fn();
    render(<Popup send={send} openManager={openManager} />);
    expect((await textBox()).value).toBe(DRAFT.text);
    const drafts = await screen.findByRole('region', { name: 'Drafts' });
    const resume = within(drafts).getByRole('button', { name: `Continue draft: ${DRAFT.text}` });
    expect(resume.getAttribute('aria-current')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Open the integration manager' }));
    expect(openManager).toHaveBeenCalledOnce();
  });

  it('opens on the draft the page asked for before it rendered, without asking again', async () => {
    const { send, names } = fakeBackground();
    const asked = { ...DRAFT, text: 'Asked for by the page', replyToPostId: null, accountId: null };
    render(<Popup send={send} openManager={() => undefined} latestDraft={Promise.resolve(asked)} />);
    await waitFor(async () => expect((await textBox()).value).toBe('Asked for by the page'));
    await screen.findByRole('region', { name: 'Drafts' });
    expect(names()).not.toContain('draftLatest');
  });

  it('says the post was posted, links it on X, and starts a new post', async () => {
    const { send, calls } = fakeBackground({
      postCreate: () => ({
        status: 'posted',
        id: '99',
        url: 'https://x.com/samrep_crm/status/99',
        alreadyOnX: false,
      }),
    });
    render(<Popup send={send} openManager={() => undefined} />);
    await waitFor(async () => expect((await textBox()).value).toBe(DRAFT.text));
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    const status = await screen.findByText('Posted.');
    expect(within(status).getByRole('link', { name: 'View the post on X' }).getAttribute('href')).toBe(
      'https://x.com/samrep_crm/status/99',
    );
    expect(calls.find((call) => call.name === 'postCreate')?.input).toMatchObject({
      text: DRAFT.text,
      replyToPostId: null,
      draftId: DRAFT.id,
    });
    await waitFor(async () => expect((await textBox()).value).toBe(''));
  });

  it('keeps the text as a draft and says why when the background refuses the post', async () => {
    const { send } = fakeBackground({
      postCreate: () => {
        throw new Error('X refused the post.');
      },
    });
    render(<Popup send={send} openManager={() => undefined} />);
    await waitFor(async () => expect((await textBox()).value).toBe(DRAFT.text));
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('X refused the post. The post is kept in your drafts.');
    expect((await textBox()).value).toBe(DRAFT.text);
  });

  it('sends what waits in the outbox as soon as it opens, and shows the outcome', async () => {
    let waiting = [WAITING];
    const { send, names } = fakeBackground({
      outboxList: () => waiting,
      outboxRetry: () => {
        waiting = [];
        return [
          {
            id: WAITING.id,
            outcome: {
              status: 'posted',
              id: '98',
              url: 'https://x.com/samrep_crm/status/98',
              alreadyOnX: true,
            },
          },
        ];
      },
    });
    render(<Popup send={send} openManager={() => undefined} />);
    expect(await screen.findByText('X already had this post', { exact: false })).toBeTruthy();
    expect(names().filter((name) => name === 'outboxRetry')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Outbox' })).toBeNull());
  });

  it('opens a new post when the draft being written is deleted, so it is not saved back', async () => {
    const { send, names } = fakeBackground();
    render(<Popup send={send} openManager={() => undefined} />);
    await waitFor(async () => expect((await textBox()).value).toBe(DRAFT.text));
    // The drafts are listed once the composer is drawn.
    fireEvent.click(await screen.findByRole('button', { name: `Delete draft: ${DRAFT.text}` }));
    await waitFor(async () => expect((await textBox()).value).toBe(''));
    expect(await screen.findByText('No saved drafts.')).toBeTruthy();
    expect(names()).toContain('draftDelete');
  });

  it('offers no Post while the organisation forbids posting, and says so', async () => {
    const { send } = fakeBackground({
      permissions: () => ({ post: false, follow: true, engage: true, locked: true, allowedCrms: null }),
    });
    render(<Popup send={send} openManager={() => undefined} />);
    await textBox();
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Post' }) as HTMLButtonElement).disabled).toBe(true),
    );
  });
});
