// Type-only: the icon and panel code stays out of the script every CRM page loads.
import type { startRecordPage } from './record-page';

/** The icon and panel code, as the record-ui script leaves it for this script. */
export interface RecordCode {
  startRecordPage: typeof startRecordPage;
}

/**
 * Where entrypoints/record-ui.ts leaves the record code: a property of the content
 * script's own global object (Chromium's isolated world, Firefox's sandbox), which the page's
 * scripts cannot see or replace.
 */
export const RECORD_CODE = Symbol.for('x-for-crm.record-code');

/**
 * WXT's build of entrypoints/record-ui.ts. Listed in web_accessible_resources (with a
 * per-session URL in Chrome) because a content script's import() loads as the page would.
 */
export const RECORD_UI_FILE = '/record-ui.js';

/**
 * The browser's own extension API object, under the one name (besides `browser`) that Mozilla's
 * review (addons-linter) accepts as the source of an import() address in a content script; an
 * imported `browser` would be renamed by the bundler. Chrome and Firefox both provide it.
 */
declare const chrome: {
  runtime: { getURL(path: string): string; sendMessage(message: unknown): Promise<unknown> };
};

/**
 * Asks the worker for the page's settings (the `pageSettings` message) without
 * lib/messages/client: that module's `browser` is looked up when it loads, which costs the
 * page about a millisecond even where no message is ever sent. Resolves with the raw reply,
 * which the record code reads with `readReply`; never rejects (a failure is a reply then).
 */
export function askPageSettings(): Promise<unknown> {
  return chrome.runtime.sendMessage({ name: 'pageSettings', input: {} }).catch((error: unknown) => ({
    ok: false,
    error: { code: 'no-reply', message: error instanceof Error ? error.message : String(error) },
  }));
}

/**
 * Brings in the icon and panel code, once per page, by importing it as a module into this
 * script's world. Resolves once it ran.
 * @throws Error when the file does not load (an extension updated or removed meanwhile).
 */
export async function loadRecordCode(): Promise<RecordCode> {
  const world = globalThis as { [RECORD_CODE]?: RecordCode };
  if (!world[RECORD_CODE]) await import(/* @vite-ignore */ chrome.runtime.getURL(RECORD_UI_FILE));
  const code = world[RECORD_CODE];
  if (!code) throw new Error('X for CRM: the icon and panel code did not load');
  return code;
}
