import type { browser as Browser } from 'wxt/browser';

type ExtensionApi = typeof Browser;

let found: ExtensionApi | undefined;
const api = (): ExtensionApi => {
  const global = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  found ??= (global.browser?.runtime?.id ? global.browser : global.chrome) as ExtensionApi;
  return found;
};

/**
 * The browser's own extension API object (`browser` in Firefox, `chrome` in Chrome) for the CRM
 * page script, looked up on first use. The build gives it to the page script in place of
 * `wxt/browser` (wxt.config.ts), whose lookup runs when the script loads: the first touch of
 * the API object in a page's isolated world costs about a millisecond, which a page that shows
 * no record never needs to pay.
 */
export const browser: ExtensionApi = new Proxy({} as ExtensionApi, {
  get: (_target, key) => Reflect.get(api(), key),
});
