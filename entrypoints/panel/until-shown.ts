import type { Send } from '@/components/panel/api';
import type { MessageName } from '@/lib/messages/protocol';

/**
 * What a panel loaded ahead of a click may ask the worker while nobody sees it: the worker's
 * own state, never a read of X (which is billed) or anything the person did not ask for.
 */
const FREE_WHILE_HIDDEN: ReadonlySet<MessageName> = new Set([
  'panelPlace',
  'panelTab',
  'permissions',
  'actingAccounts',
  'panelViewIfWarm',
]);

/**
 * Resolves when the panel's document is first laid out in the page's viewport: at once for a
 * panel opened by a click, at the click for one loaded hidden when the pointer or focus
 * reached the icon. A hidden frame (display: none, inside the content script's closed shadow
 * root) has no layout, so the page cannot make it resolve.
 */
export function firstShown(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(doc.documentElement);
  });
}

/** Wraps the panel's `send` so that only the free messages go out before `shown` resolves. */
export function holdUntilShown(send: Send, shown: Promise<void>): Send {
  return (name, input) =>
    FREE_WHILE_HIDDEN.has(name) ? send(name, input) : shown.then(() => send(name, input));
}
