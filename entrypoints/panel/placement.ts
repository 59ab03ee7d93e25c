import { MessageError, sendMessage } from '@/lib/messages/client';
import { REFUSAL_PANEL_TOKEN } from '@/lib/messages/panel-token';

/** Where the panel finds itself: placed by the icon, elsewhere, or in a frame the icon did not make. */
export type PanelPlacement = 'placed' | 'misplaced' | 'not-from-icon';

/**
 * Whether this panel sits where the icon puts it: directly in its tab's CRM page. It asks the
 * worker, which knows the page the tab's record was read on, with what this document alone
 * can see of its ancestors: location.ancestorOrigins (Chromium) and whether its parent is the
 * top frame. `not-from-icon` when the worker found no live token of the tab's content script
 * with the question; `misplaced` when it refuses otherwise or cannot be asked.
 */
export async function panelIsPlaced(): Promise<PanelPlacement> {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  try {
    await sendMessage('panelPlace', {
      ancestorOrigins: ancestors ? [...ancestors] : null,
      parentIsTop: window.parent === window.top,
    });
    return 'placed';
  } catch (error) {
    return error instanceof MessageError && error.code === REFUSAL_PANEL_TOKEN
      ? 'not-from-icon'
      : 'misplaced';
  }
}
