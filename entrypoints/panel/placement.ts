import { sendMessage } from '@/lib/messages/client';

/**
 * Whether this panel sits where the icon puts it: directly in its tab's CRM page. It asks the
 * worker, which knows the page the tab's record was read on, with what this document alone
 * can see of its ancestors: location.ancestorOrigins (Chromium) and whether its parent is the
 * top frame. False when the worker refuses or cannot be asked.
 */
export async function panelIsPlaced(): Promise<boolean> {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  try {
    await sendMessage('panelPlace', {
      ancestorOrigins: ancestors ? [...ancestors] : null,
      parentIsTop: window.parent === window.top,
    });
    return true;
  } catch {
    return false;
  }
}
