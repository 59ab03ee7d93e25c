import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import composerCss from '@/components/composer.css?inline';
import { addPageStyle } from '@/components/page-style';
// PostBody imports this one itself, which the build also writes out as assets/popup-app.css;
// popup.html does not load that file (tests/e2e/page-bundles.test.ts holds the two together).
import postBodyCss from '@/components/panel/post-body.css?inline';
import { Popup } from '@/components/popup/Popup';
import themeCss from '@/components/theme.css?inline';
import { nameDocument } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';

/**
 * The popup's code, built as one script carrying its styles, the only file popup.html loads:
 * the browser serves an extension page's files one after another, and the popup's first frame
 * waited for each (once eight scripts and three styles; then a draft request, a script and a
 * style). popup.html loads it `defer`.
 */
export default defineUnlistedScript(() => {
  // Asked first, so the worker reads while the popup is drawn; shown in the composer's first frame.
  const latestDraft = sendMessage('draftLatest', {});
  addPageStyle(themeCss, composerCss, postBodyCss);
  nameDocument(document, 'popupTitle');
  render(
    <Popup
      send={sendMessage}
      openManager={() => void browser.runtime.openOptionsPage()}
      latestDraft={latestDraft}
    />,
    document.getElementById('app') as HTMLElement,
  );
});
