import type { FakeX } from '../../fake-x';

/**
 * The browser's fetch as the extension's worker sees it, with X's hosts answered by the
 * emulator: the transport under test still builds and signs https://api.x.com URLs.
 */
export function emulatorFetch(x: FakeX, onRequest?: (url: string) => void): typeof fetch {
  return (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    onRequest?.(url);
    return fetch(url.replace(/^https:\/\/(api\.)?x\.com/, x.origin), { ...init, redirect: 'manual' });
  };
}

/** Fields of the first HTML form on a page, as a browser would submit them with `button`. */
export function formOf(html: string, button: string): { action: string; body: URLSearchParams } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const body = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    body.set(decodeEntities(match[1] ?? ''), decodeEntities(match[2] ?? ''));
  }
  body.set(button, 'yes');
  return { action: decodeEntities(action), body };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Presses "Authorize app" on an emulator authorize page and returns the answer. */
export async function authorize(x: FakeX, pageUrl: string): Promise<Response> {
  const page = await (await fetch(pageUrl.replace(/^https:\/\/(api\.)?x\.com/, x.origin))).text();
  const { action, body } = formOf(page, 'allow');
  const target = new URL(action, x.origin);
  return fetch(`${x.origin}${target.pathname}${target.search}`, { method: 'POST', body, redirect: 'manual' });
}
