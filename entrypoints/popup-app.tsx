import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Popup } from '@/components/popup/Popup';
import { t } from '@/lib/i18n';
import { readReply, sendMessage } from '@/lib/messages/client';
import { takeEarlyReply } from '@/lib/messages/early-request';
import '@/components/theme.css';
import '@/components/composer.css';

/**
 * The popup's code, built as one script with its own stylesheet (assets/popup-app.css) rather
 * than as a page module sharing chunks with the other pages: the browser answers an extension
 * page's files one after another, and the popup's first frame waited for eight scripts and
 * three styles. popup.html loads it `defer`, after popup-draft.js has asked for the draft.
 */
export default defineUnlistedScript(() => {
  // Asked by popup-draft.js before this script loaded; else now, before anything is drawn.
  const latestDraft =
    takeEarlyReply('draftLatest')?.then((reply) => readReply<'draftLatest'>(reply)) ??
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
});
