import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { t } from '@/lib/i18n';
import { replyValue, sendMessage } from '@/lib/messages/client';
import { takeEarlyReply } from '@/lib/messages/early-request';
import '@/components/theme.css';
import '@/components/composer.css';

// Asked by popup-draft.js before these modules loaded; else now, before anything is drawn.
const latestDraft =
  takeEarlyReply('draftLatest')?.then((reply) => replyValue<'draftLatest'>(reply)) ??
  sendMessage('draftLatest', {});
document.title = t('popupTitle');
render(
  <Popup
    send={sendMessage}
    openManager={() => void browser.runtime.openOptionsPage()}
    latestDraft={latestDraft}
  />,
  document.getElementById('app') as HTMLElement,
);
