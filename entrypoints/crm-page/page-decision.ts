/** What the content script concluded about the page at one URL. */
export type PageDecision =
  /** The URL is no record page of any vendor or rule (a list view, a dashboard). */
  | 'no record'
  /** A record page of a vendor the user switched off in the manager. */
  | 'switched off'
  /** A record page: the icon follows once the page shows the record's title. */
  | 'record';

/**
 * Where the decision is kept: a property of the content script's own global object. Chromium
 * gives content scripts an isolated world with a global object of its own, so the CRM page's
 * scripts cannot see it (a DOM attribute would tell every page that the extension runs there).
 * The end-to-end tests read it through the DevTools protocol in that world, so a test that
 * expects no icon first knows the content script ran and decided, instead of sleeping.
 */
export const PAGE_DECISION = Symbol.for('x-for-crm.page-decision');

/** Records that the content script decided `decision` for the page at `url` (its href). */
export function reportPageDecision(url: URL, decision: PageDecision): void {
  (globalThis as { [PAGE_DECISION]?: unknown })[PAGE_DECISION] = Object.freeze({ url: url.href, decision });
}

/**
 * Takes back a decision while a new one is made: the rules' matcher arrived after the page
 * was decided no record, and the page waits for the worker's settings before it decides again.
 */
export function forgetPageDecision(): void {
  delete (globalThis as { [PAGE_DECISION]?: unknown })[PAGE_DECISION];
}
