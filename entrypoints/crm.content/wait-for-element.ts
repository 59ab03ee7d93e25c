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
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const timer = setTimeout(() => finish(find()), timeoutMs);
    signal.addEventListener('abort', onAbort);
  });
}
