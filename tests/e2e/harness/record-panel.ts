import type { Frame, Page } from 'puppeteer-core';

/** The panel's frame inside a CRM page (in the icon's closed root), once it has loaded. */
export async function panelFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = page.frames().find((frame) => frame.url().endsWith('/panel.html') && !frame.detached);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('The panel frame did not appear.');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What the panel shows of the record: its heading and its <dl> rows, as a user reads them. */
export function panelRecord(frame: Frame) {
  return frame.evaluate(() => ({
    name: document.querySelector('h1')?.textContent ?? null,
    rows: Object.fromEntries(
      [...document.querySelectorAll('dl > div')].map((row) => [
        row.querySelector('dt')?.textContent ?? '',
        row.querySelector('dd')?.textContent ?? '',
      ]),
    ),
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
    text: document.body.innerText,
  }));
}

/**
 * `evaluate` in a frame, or null after `ms`: a frame the page is removing can leave an
 * evaluation unanswered for good, and the caller polls again with the frame that replaced it.
 */
function evaluateOrNull<T>(frame: Frame, read: () => T, ms = 1_000): Promise<Awaited<T> | null> {
  return Promise.race([
    frame.evaluate(read).catch(() => null) as Promise<Awaited<T> | null>,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
}

/** Waits until the panel's heading reads `name`, in whichever panel frame the page holds. */
export async function waitForPanelName(page: Page, name: string, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = await panelFrame(page, Math.max(deadline - Date.now(), 0));
    const shown = await evaluateOrNull(frame, () => document.querySelector('h1')?.textContent);
    if (shown === name) return frame;
    if (Date.now() > deadline) {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
      const text = (await evaluateOrNull(frame, () => document.body.innerText)) ?? '';
      throw new Error(`The panel shows ${shown ?? 'no name'}, not ${name}. It reads: ${text.slice(0, 300)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** How many icons the page holds, and what sits right before the first (its anchor's text or value). */
export function recordIcons(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('x-crm-record')];
    const anchor = hosts[0]?.previousElementSibling;
    const input = anchor?.matches('input') ? anchor : anchor?.querySelector('input');
    return {
      count: hosts.length,
      floating: hosts[0]?.hasAttribute('data-floating') ?? false,
      lastInBody: hosts[0] !== undefined && document.body.lastElementChild === hosts[0],
      openShadowRoot: hosts.some((host) => host.shadowRoot !== null),
      anchorText:
        (input as HTMLInputElement | null | undefined)?.value || anchor?.textContent?.trim() || null,
    };
  });
}

/**
 * Records the token the content script gives each panel frame `page` opens (the panel URL's
 * fragment, which the panel takes off its address at once), so a test can send the worker a
 * message exactly as the icon's panel would. Answers the latest token seen, if any.
 */
export function watchPanelTokens(page: Page): () => string | undefined {
  let latest: string | undefined;
  page.on('framenavigated', (frame) => {
    const match = /\/panel\.html#([0-9a-f]{64})$/.exec(frame.url());
    if (match) latest = match[1];
  });
  return () => latest;
}
