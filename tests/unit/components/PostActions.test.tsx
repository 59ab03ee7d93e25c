import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PostActions } from '@/components/panel/PostActions';

describe('PostActions', () => {
  it('acts through the callbacks it is given, shows the change at once and undoes it next', async () => {
    const like = vi.fn(async () => undefined);
    const repost = vi.fn(async () => undefined);
    render(<PostActions may={{ post: true, engage: true }} onReply={() => {}} like={like} repost={repost} />);
    const likeButton = screen.getByRole('button', { name: 'Like' });
    expect(likeButton.getAttribute('title')).toBe('Costs about $0.015 in X credits');
    fireEvent.click(likeButton);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Unlike' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(like).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Unlike' }));
    await waitFor(() => expect(like).toHaveBeenLastCalledWith(true));
    fireEvent.click(screen.getByRole('button', { name: 'Repost' }));
    await waitFor(() => expect(repost).toHaveBeenLastCalledWith(false));
  });

  it('rolls a refused act back and says why', async () => {
    const repost = vi.fn(async () => {
      throw new Error('You have already reposted this post.');
    });
    render(
      <PostActions may={{ post: true, engage: true }} onReply={() => {}} like={vi.fn()} repost={repost} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Repost' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You have already reposted this post.');
    expect(repost).toHaveBeenCalledWith(false);
    const button = screen.getByRole('button', { name: 'Repost' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('says whether the reply form it opens is open, and offers nothing policy forbids', () => {
    render(
      <PostActions
        may={{ post: true, engage: false }}
        onReply={() => {}}
        replying
        like={vi.fn()}
        repost={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Reply' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Like' })).toBeNull();
  });
});
