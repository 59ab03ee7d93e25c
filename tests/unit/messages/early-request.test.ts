import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageError, readReply } from '@/lib/messages/client';
import { sendEarly, takeEarlyReply } from '@/lib/messages/early-request';

afterEach(() => {
  vi.unstubAllGlobals();
  takeEarlyReply('draftLatest');
});

describe('a request sent before the page’s modules', () => {
  it('goes out at once through the browser’s own API, and its reply is taken once', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: null }));
    vi.stubGlobal('browser', { runtime: { sendMessage } });
    sendEarly('draftLatest', {});
    expect(sendMessage).toHaveBeenCalledWith({ name: 'draftLatest', input: {} });
    const reply = takeEarlyReply('draftLatest');
    expect(reply).toBeDefined();
    expect(readReply<'draftLatest'>(await reply)).toBeNull();
    // A second taker (a page asking again later) must send its own request.
    expect(takeEarlyReply('draftLatest')).toBeUndefined();
  });

  it('hands a refusal to the page as the same error its own request would have thrown', async () => {
    vi.stubGlobal('browser', {
      runtime: {
        sendMessage: async () => ({ ok: false, error: { code: 'sender', message: 'Not from here.' } }),
      },
    });
    sendEarly('draftLatest', {});
    const reply = await takeEarlyReply('draftLatest');
    expect(() => readReply<'draftLatest'>(reply)).toThrow(new MessageError('sender', 'Not from here.'));
  });

  it('leaves nothing to take where there is no messaging API, so the page asks itself', () => {
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', undefined);
    sendEarly('draftLatest', {});
    expect(takeEarlyReply('draftLatest')).toBeUndefined();
  });

  it('does not report a failed reply as unhandled before the page takes it', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    vi.stubGlobal('browser', { runtime: { sendMessage: () => Promise.reject(new Error('worker gone')) } });
    sendEarly('draftLatest', {});
    await new Promise((done) => setTimeout(done, 20));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    await expect(takeEarlyReply('draftLatest')).rejects.toThrow('worker gone');
  });
});
