import { t } from '@/lib/i18n';
import type { PanelHost } from './panel-host';
import { recordUiCss } from './record-ui.css';

/** The element the page sees; what it holds sits in a closed shadow root. */
export const RECORD_UI_TAG = 'x-crm-record';

const SVG_NS = 'http://www.w3.org/2000/svg';
const X_LOGO_PATH =
  'M14.2 10.2 22.9 0h-2.1l-7.6 8.9L7.2 0H.2l9.1 13.3L.2 24h2.1l8-9.3 6.4 9.3h7zm-2.8 3.3-.9-1.3L3 1.6h3.2l5.9 8.5.9 1.3 7.7 11H17.5z';

/** What the content script asks of a mounted icon when the page moves on. */
export interface RecordUi {
  /** The title the icon sits after, or null while it floats. */
  anchor(): Element | null;
}

export interface RecordUiOptions {
  title: Element | null;
  findTitle: () => Element | null;
  fullName: string;
  /** The tab's panel, which the icon opens and closes. */
  panel: PanelHost;
  signal: AbortSignal;
}

function createIcon(fullName: string): HTMLButtonElement {
  const icon = document.createElement('button');
  icon.type = 'button';
  icon.className = 'x-icon';
  icon.setAttribute('aria-label', fullName ? t('iconLabel', fullName) : t('iconLabelNoName'));
  icon.setAttribute('aria-expanded', 'false');
  // Built node by node: no HTML parser runs in the CRM's page (and addons.mozilla.org's
  // review flags any innerHTML in a content script).
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', X_LOGO_PATH);
  svg.append(path);
  icon.append(svg);
  return icon;
}

/** Whether a mutation record adds an element of the page's own (not the icon's host). */
function addsPageElement(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName !== RECORD_UI_TAG.toUpperCase()) return true;
  }
  return false;
}

/**
 * Puts the X icon after the record's title (or floating, when the CRM moved its title) in a
 * closed shadow root; the panel it opens sits in a closed root of its own (panel-host.ts), so
 * the page can neither see nor copy the panel's URL. The icon goes when `signal` aborts.
 */
export function mountRecordUi(options: RecordUiOptions): RecordUi {
  const { findTitle, signal } = options;
  let title = options.title;
  const host = document.createElement(RECORD_UI_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = recordUiCss;
  const icon = createIcon(options.fullName);
  icon.setAttribute('aria-expanded', String(options.panel.isOpen()));
  icon.addEventListener('click', () => {
    icon.setAttribute('aria-expanded', String(options.panel.toggle()));
  });
  // The panel loads while the pointer or focus is on its way to a click. Only the person's
  // own pointer and keyboard count: a page's synthetic events never load it.
  const prepare = (event: Event) => {
    if (event.isTrusted) options.panel.prepare();
  };
  icon.addEventListener('pointerenter', prepare);
  icon.addEventListener('focus', prepare);
  // Escape closes an open panel from the icon, as it does from inside the panel.
  icon.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !options.panel.isOpen()) return;
    event.preventDefault();
    options.panel.remove('icon');
  });
  const stopFollowingPanel = options.panel.onChange((open, by) => {
    icon.setAttribute('aria-expanded', String(open));
    // The panel's own close button or Escape took focus with the iframe: give it to the icon.
    if (by === 'panel' && host.isConnected) icon.focus();
  });
  shadow.append(style, icon);

  const place = () => {
    // Never two icons on a page: one left by an earlier copy of this script (an extension
    // update) or planted by the page would read as a second record.
    for (const other of document.querySelectorAll(RECORD_UI_TAG)) if (other !== host) other.remove();
    host.toggleAttribute('data-floating', !title);
    if (title) title.after(host);
    else document.body.append(host);
  };
  place();

  // CRMs re-render their headers and drop what we inserted: put it back after the new title.
  // A floating icon moves to the title if the page shows one after all.
  const observer = new MutationObserver((records) => {
    if (host.isConnected && title?.isConnected) return;
    // Floating, the icon waits for a title to appear, and one can only come in an added element:
    // a busy page's text updates and removals are passed by on their records, without querying
    // the whole page for each.
    if (!title && host.isConnected && !records.some(addsPageElement)) return;
    const next = findTitle() ?? (title?.isConnected ? title : null);
    if (next) {
      title = next;
      if (!host.isConnected || host.previousElementSibling !== next) place();
    } else if (!title && !host.isConnected) place();
    // A title gone with nothing in its place yet: the header is mid-render, wait for it.
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      stopFollowingPanel();
      host.remove();
    },
    { once: true },
  );
  return { anchor: () => title };
}
