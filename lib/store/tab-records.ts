import { browser } from 'wxt/browser';
import type { CrmRecord } from '../crm/record';

// storage.session outlives a restarted service worker and, by default, only the
// extension's own pages and worker can read it: content scripts cannot.
const keyOf = (tabId: number) => `tab-record:${tabId}`;

/** What a tab shows, and when its content script decided so (ms since the epoch). */
interface TabEntry {
  record: CrmRecord | null;
  at: number;
}

async function readEntry(tabId: number): Promise<TabEntry | undefined> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  return stored[keyOf(tabId)] as TabEntry | undefined;
}

// Reports for one tab are checked against the tab's URL, which takes a varying time, so they
// finish out of order; every read-then-write of a tab's entry runs in this queue instead.
const queues = new Map<number, Promise<unknown>>();
function inTurn<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => {});
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

/**
 * Records what a tab's content script reported, unless a report it decided later has already
 * been kept: a single-page CRM walking through records sends reports faster than the worker
 * checks them, and the last one decided is what the tab shows.
 * @param at when the content script decided, in ms since the epoch (its document's
 *   performance.timeOrigin + performance.now(), so a newer document's reports come later too)
 * @returns false when the report was older than the one kept, and nothing changed
 */
export function reportTabRecord(tabId: number, record: CrmRecord | null, at: number): Promise<boolean> {
  return inTurn(tabId, async () => {
    const kept = await readEntry(tabId);
    if (kept && kept.at > at) return false;
    await browser.storage.session.set({ [keyOf(tabId)]: { record, at } satisfies TabEntry });
    return true;
  });
}

/** Sets a tab's record on the worker's own word (no report), keeping the last report's time. */
export function setTabRecord(tabId: number, record: CrmRecord | null): Promise<void> {
  return inTurn(tabId, async () => {
    const at = (await readEntry(tabId))?.at ?? 0;
    await browser.storage.session.set({ [keyOf(tabId)]: { record, at } satisfies TabEntry });
  });
}

/** Forgets the tab's record when `still(record)` holds for the one it has at that moment. */
export function forgetTabRecordIf(tabId: number, still: (record: CrmRecord) => boolean): Promise<void> {
  return inTurn(tabId, async () => {
    const kept = await readEntry(tabId);
    if (kept?.record && still(kept.record)) {
      await browser.storage.session.set({ [keyOf(tabId)]: { record: null, at: kept.at } satisfies TabEntry });
    }
  });
}

/** Forgets all about a closed tab. */
export function forgetTab(tabId: number): Promise<void> {
  return inTurn(tabId, () => browser.storage.session.remove(keyOf(tabId)));
}

/** The record a tab shows, or null. */
export async function getTabRecord(tabId: number): Promise<CrmRecord | null> {
  return (await readEntry(tabId))?.record ?? null;
}
