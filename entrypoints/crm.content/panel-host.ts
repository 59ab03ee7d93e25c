import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { recordUiCss } from './record-ui.css';

/** The element the page sees for the panel; the iframe sits in its closed shadow root. */
export const PANEL_HOST_TAG = 'x-crm-panel';

/** The record panel of one CRM tab: opened from the icon, kept while the user moves between records. */
export interface PanelHost {
  /** Opens the panel, or hides it when open; answers whether it is open now. */
  toggle(): boolean;
  isOpen(): boolean;
  /** Takes the panel off the page (a list view, a switched-off vendor). */
  remove(): void;
}

/**
 * The panel iframe lives in a closed shadow root of its own on <body>, apart from the icon:
 * an iframe that is moved reloads, and the icon moves with every record and re-render. Kept
 * in place, the panel only asks the background for the new record when the page changes.
 */
export function createPanelHost(): PanelHost {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  const isOpen = () => Boolean(host?.isConnected && frame && !frame.hidden);
  return {
    toggle() {
      if (host?.isConnected && frame) {
        frame.hidden = !frame.hidden;
        return !frame.hidden;
      }
      host = document.createElement(PANEL_HOST_TAG);
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = recordUiCss;
      frame = document.createElement('iframe');
      frame.className = 'x-panel';
      frame.title = t('panelTitle');
      frame.src = browser.runtime.getURL('/panel.html');
      shadow.append(style, frame);
      document.body.append(host);
      return true;
    },
    isOpen,
    remove() {
      host?.remove();
      host = undefined;
      frame = undefined;
    },
  };
}
