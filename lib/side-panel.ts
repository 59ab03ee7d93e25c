import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

/**
 * Opens the Social view in the browser's side panel (Chrome, Edge: `sidePanel.open`) or
 * sidebar (Firefox: `sidebarAction.open`). Both must be called while handling the person's
 * click or key, before any other await, or the browser refuses: so `where` (the window, or
 * the tab, it opens beside) is learnt before the click.
 * @throws Error when the browser has neither
 */
export async function openSocialView(where: { windowId: number } | { tabId: number }): Promise<void> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  const chromeApi = (globalThis as unknown as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  const sidePanel = api.sidePanel ?? chromeApi?.sidePanel;
  if (sidePanel) {
    await sidePanel.open(where);
    return;
  }
  if (api.sidebarAction) {
    await api.sidebarAction.open();
    return;
  }
  throw new Error('This browser has no side panel.');
}
