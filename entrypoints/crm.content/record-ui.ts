import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '@/lib/i18n';
import { recordUiCss } from './record-ui.css';

const X_LOGO_PATH =
  'M14.2 10.2 22.9 0h-2.1l-7.6 8.9L7.2 0H.2l9.1 13.3L.2 24h2.1l8-9.3 6.4 9.3h7zm-2.8 3.3-.9-1.3L3 1.6h3.2l5.9 8.5.9 1.3 7.7 11H17.5z';

/**
 * Puts the X icon after the record's title (or floating, when the CRM moved its title) in a
 * closed shadow root, with the panel iframe inside the same root so the page can neither
 * see nor copy the panel's URL.
 */
export async function mountRecordUi(
  ctx: ContentScriptContext,
  options: { title: Element | null; findTitle: () => Element | null; fullName: string; signal: AbortSignal },
) {
  const { fullName, findTitle, signal } = options;
  let title = options.title;
  const ui = await createShadowRootUi(ctx, {
    name: 'x-crm-record',
    mode: 'closed',
    css: recordUiCss,
    position: 'inline',
    anchor: () => title ?? document.body,
    append: title ? 'after' : 'last',
    onMount(container, _shadow, host) {
      if (!title) host.setAttribute('data-floating', '');
      const icon = document.createElement('button');
      icon.type = 'button';
      icon.className = 'x-icon';
      icon.setAttribute('aria-label', fullName ? t('iconLabel', fullName) : t('iconLabelNoName'));
      icon.setAttribute('aria-expanded', 'false');
      icon.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${X_LOGO_PATH}"/></svg>`;
      let panel: HTMLIFrameElement | undefined;
      icon.addEventListener('click', () => {
        if (!panel) {
          panel = document.createElement('iframe');
          panel.className = 'x-panel';
          panel.title = t('panelTitle');
          panel.src = browser.runtime.getURL('/panel.html');
          container.append(panel);
        } else {
          panel.hidden = !panel.hidden;
        }
        icon.setAttribute('aria-expanded', String(!panel.hidden));
      });
      container.append(icon);
    },
  });
  if (signal.aborted) return;
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });

  // CRMs re-render their headers and drop what we inserted: put it back after the new title.
  const observer = new MutationObserver(() => {
    if (ui.shadowHost.isConnected || !title || signal.aborted) return;
    const next = findTitle();
    if (!next) return;
    title = next;
    ui.mount();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
