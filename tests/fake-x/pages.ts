// The HTML pages a person sees on x.com while authorizing an app. Element ids and button labels
// follow X's pages closely enough that browser tests written against them work there too.
import { escapeHtml } from './http-util';

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto}button,input[type=submit]{font-size:1rem;padding:.5rem 1rem;border-radius:999px}</style>
</head><body>${body}</body></html>`;
}

export interface AuthorizeChoice {
  username: string;
  name: string;
}

/** "Authorize <app> to access your account?" with a sign-in account picker and two buttons. */
export function authorizePage(input: {
  appName: string;
  action: string;
  hidden: Record<string, string>;
  accounts: AuthorizeChoice[];
  selected: string;
  scopes?: string[];
}): string {
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const options = input.accounts
    .map(
      (a) =>
        `<option value="${escapeHtml(a.username)}"${a.username === input.selected ? ' selected' : ''}>${escapeHtml(a.name)} (@${escapeHtml(a.username)})</option>`,
    )
    .join('');
  const scopes = input.scopes?.length
    ? `<ul id="scopes">${input.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`
    : '';
  return page(
    `Authorize ${input.appName}`,
    `<h1>Authorize ${escapeHtml(input.appName)} to access your account?</h1>${scopes}
<form id="oauth_form" method="post" action="${escapeHtml(input.action)}">${hidden}
<label>Signed in as <select id="account" name="account">${options}</select></label>
<p><input type="submit" id="allow" name="allow" value="Authorize app">
<input type="submit" id="cancel" name="cancel" value="Cancel"></p></form>`,
  );
}

/** X's PIN page for out-of-band (oob) OAuth 1.0a. */
export function pinPage(appName: string, pin: string): string {
  return page(
    'Redirecting you back to the application',
    `<h1>You've granted access to ${escapeHtml(appName)}!</h1>
<p>Next, return to ${escapeHtml(appName)} and enter this PIN to complete the authorization process:</p>
<div id="oauth_pin"><p><kbd aria-labelledby="code-desc"><code>${escapeHtml(pin)}</code></kbd></p></div>`,
  );
}

export function messagePage(title: string, message: string, status = 200): { body: string; status: number } {
  return {
    status,
    body: page(title, `<h1>${escapeHtml(title)}</h1><p id="message">${escapeHtml(message)}</p>`),
  };
}
