/** What FIRST_MESSAGES leaves in the page as `window.__seen`. */
export interface FirstMessages {
  /** Each message the page sent the worker, with its time in the page's clock (ms). */
  sent: { name: string; at: number }[];
  /** When the page's code first drew into #app (ms), or null. */
  drawnAt: number | null;
}

/**
 * A script to run before an extension page's own (`evaluateOnNewDocument`): it records each
 * message the page sends the worker and when the page's code first drew into #app, in
 * `window.__seen`, where a test's own script run after it can add to what is seen.
 */
export const FIRST_MESSAGES = `
  window.__seen = { sent: [], drawnAt: null };
  const seen = window.__seen;
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = (message, ...rest) => {
    seen.sent.push({ name: message && message.name, at: performance.now() });
    return send(message, ...rest);
  };
  new MutationObserver(() => {
    if (seen.drawnAt === null && document.getElementById('app')?.firstChild) seen.drawnAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;
