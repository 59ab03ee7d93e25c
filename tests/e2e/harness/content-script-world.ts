import type { Page } from 'puppeteer-core';

/** Runs code in the extension's content-script world of a page (what a compromised content script could do). */
export type ContentScriptEval = (expression: string) => Promise<unknown>;

/**
 * Watches `page` for the extension's isolated world (named after the extension) and returns
 * a function that evaluates an expression there, in the newest such world. Call before the
 * page loads.
 */
export async function contentScriptWorld(page: Page): Promise<ContentScriptEval> {
  const cdp = await page.createCDPSession();
  const contexts: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; frameId?: string } | undefined;
    // Puppeteer's own worlds start with "__puppeteer"; the extension's is named after it.
    if (aux?.type === 'isolated' && context.name === 'X for CRM') contexts.push(context.id);
  });
  await cdp.send('Runtime.enable');
  return async (expression) => {
    const deadline = Date.now() + 10_000;
    while (contexts.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const contextId = contexts.at(-1);
    if (contextId === undefined) throw new Error('no content-script world on the page');
    const result = await cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? 'failed');
    return result.result.value;
  };
}
