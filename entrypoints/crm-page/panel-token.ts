import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messages/client';
import { newPanelToken, panelTokenFragment } from '@/lib/messages/panel-token';

/**
 * Draws a fresh token for a panel frame, registers it with the worker for this tab and frame,
 * and answers the panel's URL carrying it in the fragment (see lib/messages/panel-token.ts).
 * The frame gets its address only after the worker holds the token, so the panel's first
 * message already finds it live.
 * @throws MessageError when the worker refuses or cannot be reached
 */
export async function panelUrlWithToken(): Promise<string> {
  const token = newPanelToken();
  await sendMessage('panelOpening', { token });
  return browser.runtime.getURL('/panel.html') + panelTokenFragment(token);
}
