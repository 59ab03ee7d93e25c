import { browser } from 'wxt/browser';

// storage.session: the tokens outlive a restarted service worker (an open panel keeps working)
// and end with the browser. Content scripts cannot read this area: Chromium keeps it to
// trusted contexts unless told otherwise, and Firefox does not give it to content scripts at
// all (lib/store/session-access.ts keeps it so).
const keyOf = (tabId: number) => `panel-tokens:${tabId}`;

/** A tab's live panel tokens, by the frame id of the content script that drew each one. */
type TabTokens = Record<string, string>;

async function readTokens(tabId: number): Promise<TabTokens> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
  return typeof stored === 'object' && stored !== null ? (stored as TabTokens) : {};
}

// Two content scripts of one tab (the page and a frame) may register at once: each tab's
// read-then-write runs after the one before it.
const queues = new Map<number, Promise<unknown>>();
function inTurn<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
  const settled = next.catch(() => {});
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

/**
 * Makes `token` the live panel token of the content script in frame `frameId` of tab `tabId`,
 * replacing the one it drew for its previous panel: a closed panel's frame is gone, and its
 * token with it.
 */
export function registerPanelToken(tabId: number, frameId: number, token: string): Promise<void> {
  return inTurn(tabId, async () => {
    const tokens = await readTokens(tabId);
    await browser.storage.session.set({ [keyOf(tabId)]: { ...tokens, [String(frameId)]: token } });
  });
}

/**
 * True when `token` is a live panel token of tab `tabId`: a content script of that tab drew it
 * for the panel frame it made. False for no token, another tab's token or a replaced one.
 */
export async function panelTokenIsLive(tabId: number, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const tokens = await readTokens(tabId);
  return Object.values(tokens).some((live) => typeof live === 'string' && sameToken(live, token));
}

/** Forgets the panel tokens of a closed tab. */
export function forgetPanelTokens(tabId: number): Promise<void> {
  return inTurn(tabId, () => browser.storage.session.remove(keyOf(tabId)));
}

/** Compares two tokens in time that does not depend on where they first differ. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
