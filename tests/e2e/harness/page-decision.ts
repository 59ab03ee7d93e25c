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
 * Whether the page script on `page` started showing records (asked the worker for the page's
 * settings and watches for the record's title): never on a list view.
 */
export async function recordPageStarted(page: Page): Promise<boolean> {
  const inContentScript = await contentScriptWorld(page);
  // The same Symbol.for key the page script writes under (crm-page/record-page.ts).
  return (await inContentScript(`Boolean(globalThis[Symbol.for('x-for-crm.record-page')])`)) === true;
}
