import type { Page } from 'puppeteer-core';
import type { PageDecision } from '@/entrypoints/crm-page/page-decision';
import { contentScriptWorld } from './content-script-world';

/**
 * Waits until the content script on `page` has decided about the page's current URL and
 * returns what it decided; with `expected`, waits for that decision. Throws when the content
 * script never ran (no isolated world of the extension on the page) or did not decide in
 * time, so an assertion that no icon appears is made only after the code under test ran.
 */
export async function pageDecision(
  page: Page,
  expected?: PageDecision,
  timeoutMs = 10_000,
): Promise<PageDecision> {
  const inContentScript = await contentScriptWorld(page);
  const deadline = Date.now() + timeoutMs;
  // The last decision read, or why none could be read (no content-script world on the page).
  let last: unknown = null;
  for (;;) {
    const href = page.url();
    // The same Symbol.for key the content script writes under (page-decision.ts).
    last = await inContentScript(
      `(() => { const d = globalThis[Symbol.for('x-for-crm.page-decision')]; return d ? { url: d.url, decision: d.decision } : null; })()`,
    ).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    const found = typeof last === 'object' ? (last as { url: string; decision: PageDecision } | null) : null;
    if (found?.url === href && (expected === undefined || found.decision === expected)) return found.decision;
    if (Date.now() > deadline) {
      throw new Error(
        `The content script did not decide ${expected ?? 'anything'} for ${href}: ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Whether the icon and panel code (entrypoints/record-ui.ts) has come into the content
 * script's world on `page`: the CRM content script imports it on record pages only.
 */
export async function recordCodeLoaded(page: Page): Promise<boolean> {
  const inContentScript = await contentScriptWorld(page);
  // The same Symbol.for key the record-ui script writes under (crm-page/record-code.ts).
  return (await inContentScript(`Boolean(globalThis[Symbol.for('x-for-crm.record-code')])`)) === true;
}
