/**
 * The panel's request to its content script to be closed (its close button, or Escape inside
 * it). A window message, since the panel is an iframe on the CRM page: the content script
 * accepts it only from the panel's own window. It carries no data, so a page that sees it
 * learns nothing.
 */
export interface ClosePanel {
  event: 'x-crm-close-panel';
}

export const CLOSE_PANEL: ClosePanel = { event: 'x-crm-close-panel' };

export function isClosePanel(message: unknown): message is ClosePanel {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<ClosePanel>).event === CLOSE_PANEL.event
  );
}
