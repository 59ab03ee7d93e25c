import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RecordPanel } from '@/components/panel/RecordPanel';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';
import { isRecordChanged } from '@/lib/messages/record-events';
import '@/components/theme.css';
import '@/components/panel/panel.css';
import '@/components/composer.css';
import { panelIsPlaced } from './placement';
import { gateWrites, watchPanelVisibility } from './write-gate';

// Follow, Like, Repost and Post act only while the person can see the panel.
const send = gateWrites(sendMessage, watchPanelVisibility(document));

/** The panel stays loaded while the user moves between records; each record starts it afresh. */
function Panel() {
  const [record, setRecord] = useState(0);
  useEffect(() => {
    let tabId: number | undefined;
    sendMessage('panelTab', {}).then(
      (answer) => {
        tabId = answer.tabId;
      },
      () => {},
    );
    const onMessage = (message: unknown) => {
      if (isRecordChanged(message) && message.tabId === tabId) setRecord((n) => n + 1);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return <RecordPanel key={record} send={send} />;
}

document.title = t('panelTitle');
const root = document.getElementById('app') as HTMLElement;
// The panel acts for its tab's record: framed anywhere else (another site, a nested frame,
// a tab of its own), it shows and does nothing.
void panelIsPlaced().then((placed) =>
  render(placed ? <Panel /> : <p role="alert">{t('panelMisplaced')}</p>, root),
);
