/**
 * Resolves with the element `find` returns as soon as the page shows it, or null after
 * `timeoutMs` or when `signal` aborts. CRMs render records late and in pieces.
 */
export function waitForElement(
  find: () => Element | null,
  { signal, timeoutMs }: { signal: AbortSignal; timeoutMs: number },
): Promise<Element | null> {
  const found = find();
  if (found || signal.aborted) return Promise.resolve(found);
  return new Promise((resolve) => {
    const finish = (element: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(element);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      const element = find();
      if (element) finish(element);
    });
    // Text too: a CRM may keep the title element and only change its words. Classes too:
    // Lightning brings a cached view back by making it active again, adding no node.
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: ['class'],
    });
    const timer = setTimeout(() => finish(find()), timeoutMs);
    signal.addEventListener('abort', onAbort);
  });
}
