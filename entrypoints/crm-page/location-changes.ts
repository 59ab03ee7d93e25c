/** How often the address is read where the browser has no Navigation API (Firefox 140), in ms. */
const POLL_MS = 500;

interface NavigationApi {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

/**
 * Calls `onChange` with the page's new address after every in-page navigation (pushState,
 * replaceState, back and forward, a hash change). Chrome has the Navigation API, whose
 * `currententrychange` fires once the address changed (html.spec.whatwg.org, "The Navigation
 * interface"); elsewhere the address is compared on history and hash events and every POLL_MS,
 * since pushState fires no event a content script can hear. Returns the function that stops.
 */
export function watchLocation(onChange: (url: URL) => void): () => void {
  let last = location.href;
  const check = () => {
    const href = location.href;
    if (href === last) return;
    last = href;
    onChange(new URL(href));
  };
  const navigation = (globalThis as { navigation?: NavigationApi }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check);
    return () => navigation.removeEventListener('currententrychange', check);
  }
  window.addEventListener('popstate', check);
  window.addEventListener('hashchange', check);
  const timer = setInterval(check, POLL_MS);
  return () => {
    clearInterval(timer);
    window.removeEventListener('popstate', check);
    window.removeEventListener('hashchange', check);
  };
}
