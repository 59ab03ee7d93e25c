import type { Frame, Page } from 'puppeteer-core';

/** The background's answer to a protocol message. */
export type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/**
 * Sends a protocol message as the extension page (or panel frame) `from` would, by its own
 * `chrome.runtime`, so the worker's sender checks apply as they do to the product's pages.
 */
export function sendFrom(from: Page | Frame, name: string, input: unknown): Promise<Reply> {
  return from.evaluate(
    (n, i) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<Reply> } };
      return (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({ name: n, input: i });
    },
    name,
    input,
  );
}

/**
 * The value of the worker's answer to `name`, sent as `from` would.
 * Throws with the whole answer when the worker refused or failed.
 */
export async function valueFrom<T>(from: Page | Frame, name: string, input: unknown = {}): Promise<T> {
  const reply = await sendFrom(from, name, input);
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply)}`);
  return reply.value as T;
}
