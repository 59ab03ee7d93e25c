import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

function sideApis() {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  const chromeApi = (globalThis as unknown as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  return { sidePanel: api.sidePanel ?? chromeApi?.sidePanel, sidebarAction: api.sidebarAction };
}

/**
 * Whether this page can open the Social view itself. Firefox gives `sidebarAction` to the popup
 * and to extension tabs, but not to an extension page framed in a web page: the record panel
 * there has neither API (tested in tests/e2e-firefox), and a message to the worker does not
 * carry the click that sidebarAction.open needs (MDN, "User actions").
 */
export function canOpenSocialView(): boolean {
  const { sidePanel, sidebarAction } = sideApis();
  return Boolean(sidePanel || sidebarAction);
}

/**
 * Opens the Social view in the browser's side panel (Chrome, Edge: `sidePanel.open`) or
 * sidebar (Firefox: `sidebarAction.open`). Both must be called while handling the person's
 * click or key, before any other await, or the browser refuses: so `where` (the window, or
 * the tab, it opens beside) is learnt before the click.
 * @throws Error when the browser has neither
 */
export async function openSocialView(where: { windowId: number } | { tabId: number }): Promise<void> {
  const { sidePanel, sidebarAction } = sideApis();
  if (sidePanel) {
    await sidePanel.open(where);
    return;
  }
  if (sidebarAction) {
    await sidebarAction.open();
    return;
  }
  throw new Error('This browser has no side panel.');
}
