/**
 * The panel's proof that the X icon opened it. Firefox ignores web_accessible_resources'
 * use_dynamic_url (MDN, "web_accessible_resources": use_dynamic_url is not supported), so a
 * page that learnt the profile's moz-extension UUID could frame panel.html itself. The content
 * script therefore draws a random token, registers it with the worker for its tab and frame
 * before it creates the panel's frame, and hands it to the panel in the frame's URL fragment,
 * which the page cannot read across origins. The worker answers panel messages only when they
 * carry a live token of their tab; Chromium gets the same check on top of its dynamic URL.
 *
 * No zod here: the content script imports this file and must stay small.
 */

/** Random bytes in a token: 256 bits, beyond any guessing. */
const TOKEN_BYTES = 32;

/** A token as sent: TOKEN_BYTES as lower-case hexadecimal. */
export const PANEL_TOKEN_PATTERN = /^[0-9a-f]{64}$/;

/** The worker's refusal code for a panel message without a live token of its tab. */
export const REFUSAL_PANEL_TOKEN = 'panel-not-opened-by-icon';

/** A fresh token from the browser's cryptographic random source (crypto.getRandomValues). */
export function newPanelToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The fragment the content script puts on the panel's URL: `#` and the token. */
export function panelTokenFragment(token: string): string {
  return `#${token}`;
}

/** The token in a panel URL's fragment (`location.hash`), or null when there is none of the right form. */
export function panelTokenFromFragment(hash: string): string | null {
  const token = hash.startsWith('#') ? hash.slice(1) : hash;
  return PANEL_TOKEN_PATTERN.test(token) ? token : null;
}
