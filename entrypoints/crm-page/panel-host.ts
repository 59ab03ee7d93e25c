import { t } from '@/lib/i18n';
import { isClosePanel } from '@/lib/messages/panel-close';
import { panelUrlWithToken } from './panel-token';
import { recordUiCss } from './record-ui.css';

/** The element the page sees for the panel; the iframe sits in its closed shadow root. */
export const PANEL_HOST_TAG = 'x-crm-panel';

/** How the panel was closed: from the icon (focus stays there) or from inside the panel. */
export type PanelClosedBy = 'icon' | 'panel' | 'page';

/** The record panel of one CRM tab: opened from the icon, kept while the user moves between records. */
export interface PanelHost {
  /** Opens the panel, or closes it when open; answers whether it is open now. */
  toggle(): boolean;
  /**
   * Loads the panel hidden, ahead of a likely click (the pointer or focus reached the icon), so
   * the click only shows it. A hidden panel asks the worker for nothing that costs (see
   * entrypoints/panel/until-shown.ts) and is removed like an open one.
   */
  prepare(): void;
  isOpen(): boolean;
  /** Closes the panel (a list view, a switched-off vendor, Escape on the icon). */
  remove(by?: PanelClosedBy): void;
  /** Called whenever the panel opens or closes; answers a function that stops the calls. */
  onChange(listener: (open: boolean, by: PanelClosedBy | null) => void): () => void;
}

/**
 * The panel iframe lives in a closed shadow root of its own on <body>, apart from the icon:
 * an iframe that is moved reloads, and the icon moves with every record and re-render. Kept
 * in place while open, the panel asks the background for the new record when the page changes.
 *
 * Closing takes the iframe off the page rather than hiding it: a hidden panel would still
 * follow record changes and read X on the rep's account (every read is billed) for a panel
 * nobody sees. Opening again loads the panel afresh on the record the tab shows then.
 */
export function createPanelHost(): PanelHost {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  const listeners = new Set<(open: boolean, by: PanelClosedBy | null) => void>();
  const notify = (open: boolean, by: PanelClosedBy | null) => {
    for (const listener of listeners) listener(open, by);
  };

  // The panel asks to be closed (its close button, Escape inside it) by a window message.
  // Only a message whose source is our own iframe counts: the page can post messages too,
  // but never as the panel's window.
  const onMessage = (event: MessageEvent) => {
    if (!frame || event.source !== frame.contentWindow || !isClosePanel(event.data)) return;
    close('panel');
  };

  const close = (by: PanelClosedBy) => {
    if (!host) return;
    host.remove();
    host = undefined;
    frame = undefined;
    window.removeEventListener('message', onMessage);
    notify(false, by);
  };

  const load = (hidden: boolean) => {
    host = document.createElement(PANEL_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = recordUiCss;
    frame = document.createElement('iframe');
    frame.className = 'x-panel';
    frame.title = t('panelTitle');
    frame.hidden = hidden;
    const made = frame;
    void panelUrlWithToken().then(
      (url) => {
        if (frame === made) made.src = url;
      },
      (error: unknown) => console.warn('X for CRM: the panel could not be opened', error),
    );
    shadow.append(style, frame);
    document.body.append(host);
    window.addEventListener('message', onMessage);
    if (!hidden) notify(true, null);
  };

  const isOpen = () => Boolean(host?.isConnected && frame && !frame.hidden);
  const isPrepared = () => Boolean(host?.isConnected && frame?.hidden);
  return {
    toggle() {
      if (isOpen()) close('icon');
      else if (isPrepared() && frame) {
        frame.hidden = false;
        notify(true, null);
      } else {
        // A host the page took off the page is gone for good: start a fresh one.
        if (host) close('page');
        load(false);
      }
      return isOpen();
    },
    prepare() {
      if (isOpen() || isPrepared()) return;
      if (host) close('page');
      load(true);
    },
    isOpen,
    remove(by = 'page') {
      close(by);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
