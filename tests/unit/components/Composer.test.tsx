import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerDraft } from '@/components/Composer';
import { DraftList } from '@/components/DraftList';

function setup(draft: ComposerDraft | null = null) {
  const saveDraft = vi.fn(async (saved: ComposerDraft) => ({
    id: saved.id ?? '7d3c1a52-2b1e-4c55-9a57-1f3a1d2e4b60',
  }));
  const onPost = vi.fn();
  render(<Composer draft={draft} saveDraft={saveDraft} onPost={onPost} saveDelayMs={20} />);
  const box = screen.getByRole('textbox', { name: 'Post text' }) as HTMLTextAreaElement;
  const postButton = screen.getByRole('button', { name: 'Post' }) as HTMLButtonElement;
  const type = (text: string) => fireEvent.input(box, { target: { value: text } });
  return { saveDraft, onPost, box, postButton, type };
}

const ringFill = () => document.querySelector('.composer-ring-fill')?.getAttribute('stroke-dasharray') ?? '';

describe('Composer', () => {
  it('shows the characters left and fills the ring as the text grows', () => {
    const { type } = setup();
    expect(screen.getByText('280 characters left')).toBeTruthy();
    expect(ringFill().startsWith('0.00 ')).toBe(true);
    type('Hello 世界');
    // "Hello " is 6, each CJK character counts 2.
    expect(screen.getByText('270 characters left')).toBeTruthy();
    const half = ringFill();
    type('a'.repeat(140));
    expect(screen.getByText('140 characters left')).toBeTruthy();
    expect(ringFill()).not.toBe(half);
    expect(Number.parseFloat(ringFill())).toBeCloseTo(Math.PI * 10, 1);
  });

  it('highlights the part past 280 and says by how much it is over', () => {
    const { type, box } = setup();
    type(`${'a'.repeat(280)}overflow`);
    expect(screen.getByText('8 characters over the limit')).toBeTruthy();
    expect(document.querySelector('.composer-backdrop mark')?.textContent).toBe('overflow');
    expect(screen.getByText('The highlighted part does not fit in a post.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('disables Post for empty or blank text and past 280, and enables it at exactly 280', () => {
    const { type, postButton } = setup();
    expect(postButton.disabled).toBe(true);
    type('   ');
    expect(postButton.disabled).toBe(true);
    type('a'.repeat(280));
    expect(postButton.disabled).toBe(false);
    type('a'.repeat(281));
    expect(postButton.disabled).toBe(true);
  });

  it('posts with Ctrl+Enter or Cmd+Enter only when the text is valid', async () => {
    const { type, box, onPost } = setup();
    type('a'.repeat(281));
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onPost).not.toHaveBeenCalled();
    type('Ready to go');
    fireEvent.keyDown(box, { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onPost).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onPost).toHaveBeenCalledWith('Ready to go'));
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    await waitFor(() => expect(onPost).toHaveBeenCalledTimes(2));
  });

  it('saves the draft before posting, so a failed post loses nothing', async () => {
    const { type, postButton, onPost, saveDraft } = setup();
    type('Keep me');
    fireEvent.click(postButton);
    await waitFor(() => expect(onPost).toHaveBeenCalledWith('Keep me'));
    expect(saveDraft).toHaveBeenCalledWith({ id: undefined, text: 'Keep me' });
  });

  it('shows the price of posting, higher when the text has a link', () => {
    const { type } = setup();
    type('Plain words');
    expect(screen.getByText('Posting costs $0.015')).toBeTruthy();
    type('Plain words and example.com/pricing');
    expect(screen.getByText('Posting costs $0.20 (the text has a link)')).toBeTruthy();
    // A link counts 23, however long it is.
    expect(screen.getByText(`${280 - 16 - 23} characters left`)).toBeTruthy();
  });

  it('saves the draft once typing pauses, then updates the same draft', async () => {
    const { type, saveDraft } = setup();
    type('First words');
    type('First words, more');
    await waitFor(() => expect(saveDraft).toHaveBeenCalledTimes(1));
    expect(saveDraft).toHaveBeenLastCalledWith({ id: undefined, text: 'First words, more' });
    expect(await screen.findByText('Draft saved')).toBeTruthy();
    type('First words, more and more');
    await waitFor(() => expect(saveDraft).toHaveBeenCalledTimes(2));
    expect(saveDraft).toHaveBeenLastCalledWith({
      id: '7d3c1a52-2b1e-4c55-9a57-1f3a1d2e4b60',
      text: 'First words, more and more',
    });
  });

  it('saves at once when the text loses focus or the popup is hidden', async () => {
    const draft = { id: '0b8f4c1e-6a8d-4f3e-8d3b-2c9e5f1a7b44', text: 'Old text' };
    const saveDraft = vi.fn(async (saved: ComposerDraft) => ({ id: saved.id ?? '' }));
    render(<Composer draft={draft} saveDraft={saveDraft} onPost={vi.fn()} saveDelayMs={60_000} />);
    const box = screen.getByRole('textbox', { name: 'Post text' });
    expect((box as HTMLTextAreaElement).value).toBe('Old text');
    fireEvent.input(box, { target: { value: 'New text' } });
    fireEvent.blur(box);
    await waitFor(() => expect(saveDraft).toHaveBeenCalledWith({ id: draft.id, text: 'New text' }));
    fireEvent.input(box, { target: { value: 'Newer text' } });
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(saveDraft).toHaveBeenCalledWith({ id: draft.id, text: 'Newer text' }));
    expect(saveDraft).toHaveBeenCalledTimes(2);
  });

  it('says when the draft could not be saved', async () => {
    const saveDraft = vi.fn(async () => {
      throw new Error('The extension did not answer.');
    });
    render(<Composer draft={null} saveDraft={saveDraft} onPost={vi.fn()} saveDelayMs={10} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Post text' }), { target: { value: 'x' } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The draft could not be saved: The extension did not answer.',
    );
  });
});

describe('DraftList', () => {
  const drafts = [
    { id: 'a', text: 'Second draft\nwith two lines', updatedAt: 2000 },
    { id: 'b', text: '', updatedAt: 1000 },
  ];

  it('lets each draft be continued or deleted, by name and by keyboard', () => {
    const onResume = vi.fn();
    const onDelete = vi.fn();
    render(<DraftList drafts={drafts} currentId="a" onResume={onResume} onDelete={onDelete} />);
    const resume = screen.getByRole('button', { name: 'Continue draft: Second draft with two lines' });
    expect(resume.getAttribute('aria-current')).toBe('true');
    fireEvent.click(resume);
    expect(onResume).toHaveBeenCalledWith(drafts[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete draft: (empty draft)' }));
    expect(onDelete).toHaveBeenCalledWith(drafts[1]);
    fireEvent.keyDown(resume, { key: 'Delete' });
    expect(onDelete).toHaveBeenCalledWith(drafts[0]);
  });

  it('says when there are no drafts', () => {
    render(<DraftList drafts={[]} currentId={null} onResume={vi.fn()} onDelete={vi.fn()} />);
    expect(screen.getByText('No saved drafts.')).toBeTruthy();
  });

  it('does not offer posting when the organisation forbids it, and still keeps the draft', async () => {
    const saveDraft = vi.fn(async () => ({ id: '7d3c1a52-2b1e-4c55-9a57-1f3a1d2e4b60' }));
    const onPost = vi.fn();
    render(
      <Composer
        draft={null}
        saveDraft={saveDraft}
        onPost={onPost}
        saveDelayMs={10}
        postBlocked="Your organisation’s policy does not allow this action."
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Post text' });
    fireEvent.input(box, { target: { value: 'A fine post' } });
    const post = screen.getByRole('button', { name: 'Post' }) as HTMLButtonElement;
    expect(post.disabled).toBe(true);
    expect(post.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(onPost).not.toHaveBeenCalled();
    await waitFor(() => expect(saveDraft).toHaveBeenCalled());
  });
});
