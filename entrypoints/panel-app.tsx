import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Send } from '@/components/panel/api';
import { PanelHeader } from '@/components/panel/PanelHeader';
import { RecordPanel } from '@/components/panel/RecordPanel';
import { nameDocument, t } from '@/lib/i18n';
import { presentPanelToken, sendMessage } from '@/lib/messages/client';
import { CLOSE_PANEL } from '@/lib/messages/panel-close';
import { panelTokenFromFragment } from '@/lib/messages/panel-token';
import { isRecordChanged } from '@/lib/messages/record-events';
import { closeOnEscape } from './panel/close-on-escape';
import { coalesceRecordChanges } from './panel/record-changes';
import '@/components/theme.css';
import '@/components/panel/panel.css';
import '@/components/composer.css';
import { panelIsPlaced } from './panel/placement';
import { firstShown, holdUntilShown } from './panel/until-shown';
import { gateWrites, watchPanelVisibility } from './panel/write-gate';

/**
 * Asks the content script that mounted this iframe to close it. The target origin is left
 * open because the panel does not know the CRM's origin; the message carries nothing, and the
 * content script accepts it only from this window.
 */
function closePanel() {
  window.parent.postMessage(CLOSE_PANEL, '*');
}

/** The panel stays loaded while the user moves between records; each record starts it afresh. */
function Panel({ send }: { send: Send }) {
  const [record, setRecord] = useState(0);
  useEffect(() => {
    let tabId: number | undefined;
    sendMessage('panelTab', {}).then(
      (answer) => {
        tabId = answer.tabId;
      },
      () => {},
    );
    const changes = coalesceRecordChanges(() => setRecord((n) => n + 1));
    const onMessage = (message: unknown) => {
      if (isRecordChanged(message) && message.tabId === tabId) changes.changed();
    };
    browser.runtime.onMessage.addListener(onMessage);
    const stopClosingOnEscape = closeOnEscape(document, closePanel);
    return () => {
      changes.stop();
      browser.runtime.onMessage.removeListener(onMessage);
      stopClosingOnEscape();
    };
  }, []);
  return (
    <>
      <PanelHeader onClose={closePanel} />
      <RecordPanel key={record} send={send} />
    </>
  );
}

/**
 * The record panel's code, built as one script with its own stylesheet (assets/panel-app.css)
 * rather than as a page module sharing chunks with the other pages: the browser answers an
 * extension page's files one after another, and a panel loaded when the pointer reaches the
 * icon waited for nine scripts and three styles before it could show the person.
 */
export default defineUnlistedScript(() => {
  // Follow, Like, Repost and Post act only while the person can see the panel; a panel loaded
  // ahead of the click asks for nothing billed until it is shown.
  const send = holdUntilShown(gateWrites(sendMessage, watchPanelVisibility(document)), firstShown(document));

  nameDocument(document, 'panelTitle');
  const root = document.getElementById('app') as HTMLElement;
  // The content script's token for this frame (lib/messages/panel-token.ts) goes with every
  // message; it leaves the address at once, so nothing that later reads the address finds it.
  const token = panelTokenFromFragment(location.hash);
  history.replaceState(null, '', location.pathname);
  if (token) presentPanelToken(token);
  // The panel acts for its tab's record: framed anywhere else (another site, a nested frame,
  // a tab of its own), or by anyone but the icon, it shows and does nothing.
  void (token ? panelIsPlaced() : Promise.resolve('not-from-icon' as const)).then((placement) =>
    render(
      placement === 'placed' ? (
        <Panel send={send} />
      ) : (
        <p role="alert">{t(placement === 'misplaced' ? 'panelMisplaced' : 'panelNotFromIcon')}</p>
      ),
      root,
    ),
  );
});
