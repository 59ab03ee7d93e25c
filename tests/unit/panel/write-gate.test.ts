import { describe, expect, it, vi } from 'vitest';
import type { Send } from '@/components/panel/api';
import { gateWrites, type PanelVisibility } from '@/entrypoints/panel/write-gate';

const seenNow = (seen: boolean, tracked = true): PanelVisibility => ({ tracked, seen: () => seen });

function recordingSend() {
  const sent: string[] = [];
  const send = (async (name: string) => {
    sent.push(name);
    return null;
  }) as unknown as Send;
  return { sent, send };
}

describe('writes from the panel act only on a click the person could see', () => {
  it.each([
    ['personFollow', { xUserId: '1', follow: true }],
    ['postLike', { postId: '1', undo: false }],
    ['postRepost', { postId: '1', undo: false }],
    ['postCreate', { text: 'hello' }],
  ] as const)('refuses %s with the reason while the page hides or covers the panel', async (name, input) => {
    const { sent, send } = recordingSend();
    await expect(gateWrites(send, seenNow(false))(name, input as never)).rejects.toMatchObject({
      code: 'panel-not-visible',
      message:
        'Nothing was done: the CRM page is hiding or covering the X panel, so this click may not have been meant for it.',
    });
    expect(sent).toEqual([]);
  });

  it('lets writes through once the panel has been seen, and reads always', async () => {
    const { sent, send } = recordingSend();
    await gateWrites(send, seenNow(true))('postLike', { postId: '1', undo: false });
    await gateWrites(send, seenNow(false))('panelView', {});
    expect(sent).toEqual(['postLike', 'panelView']);
  });

  it('where the browser cannot tell, asks first and does nothing unless confirmed', async () => {
    const { sent, send } = recordingSend();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    const gated = gateWrites(send, seenNow(false, false), confirm);
    await expect(gated('personFollow', { xUserId: '1', follow: true })).rejects.toMatchObject({
      code: 'not-confirmed',
    });
    expect(sent).toEqual([]);
    await gated('personFollow', { xUserId: '1', follow: true });
    expect(sent).toEqual(['personFollow']);
    expect(confirm).toHaveBeenCalledWith('Do this on X now, as the chosen account?');
    // Reads never ask.
    await gated('panelView', {});
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
