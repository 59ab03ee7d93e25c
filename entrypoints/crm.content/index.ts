import { defineContentScript } from 'wxt/utils/define-content-script';
import type { CrmPage } from '@/lib/crm/adapter';
import { crmHostPatterns } from '@/lib/crm/hosts';
import { detectRecordPage } from '@/lib/crm/pages';
import { rulePathMatcher } from '@/lib/crm/rule-path-matcher';
import type { CrmId, RecordRef } from '@/lib/crm/record';
import { sendMessage } from '@/lib/messages/client';
import { decidedAt } from './decided-at';
import { reportPageDecision } from './page-decision';
import { watchPageSettings } from './page-settings';
import type { PanelHost } from './panel-host';
import { loadRecordCode, type RecordCode } from './record-code';
import type { RecordUi } from './record-ui';

/** The record the page shows, and its icon once mounted. */
interface Shown {
  page: CrmPage<CrmId>;
  ref: RecordRef;
  controller: AbortController;
  ui?: RecordUi;
}

// Not recordKey from lib/crm/record: that module brings zod into every CRM page.
const sameRecord = (a: RecordRef, b: RecordRef) =>
  a.crm === b.crm && a.tenant === b.tenant && a.type === b.type && a.id === b.id;

function warn(error: unknown) {
  // A CRM page must never break because of us; the console is where a developer looks.
  console.warn('X for CRM: could not show the record', error);
}

/** The built-in vendor first; a user's rule only where no vendor knows the page. */
function detect(
  url: URL,
  rules: readonly CrmPage<CrmId>[],
): { page: CrmPage<CrmId>; ref: RecordRef } | undefined {
  const builtIn = detectRecordPage(url);
  if (builtIn) return builtIn;
  for (const page of rules) {
    const ref = page.parseRecordUrl(url);
    if (ref) return { page, ref };
  }
  return undefined;
}

export default defineContentScript({
  // The manifest's hosts; the background registers this same script at run time for the
  // hosts of the user's rules (entrypoints/background/user-rule-scripts.ts).
  matches: [...crmHostPatterns],
  // At the end of parsing rather than when the page is idle: a record page's title is usually
  // there by then, and the icon comes up to a tenth of a second sooner. A page that is no record
  // costs the same either way (its URL is all that is read).
  runAt: 'document_end',
  main(ctx) {
    let url = new URL(location.href);
    let disabled: readonly CrmId[] | undefined;
    let rules: readonly CrmPage<CrmId>[] | undefined;
    let shown: Shown | undefined;
    // The icon and panel code comes only to record pages (see record-code.ts); the panel with it.
    let panel: PanelHost | undefined;
    let recordCode: Promise<RecordCode> | undefined;
    const withRecordCode = () => {
      recordCode ??= loadRecordCode().then(
        (code) => {
          panel ??= code.createPanelHost();
          return code;
        },
        (error: unknown) => {
          // Asked again on the next record: the worker may have been busy or the page moving.
          recordCode = undefined;
          throw error;
        },
      );
      return recordCode;
    };
    /** Brings the icon in line with the URL and the settings; called on every change of either. */
    const follow = () => {
      if (!disabled || !rules) {
        // Nothing asked of the worker yet. A page that no vendor's URL names as a record, on a
        // host with no rule (the worker brings the rules' path matcher only to hosts with one),
        // cannot show a record: it costs no message, and the worker learns of a page loaded
        // there from the tab itself (tab-departures.ts).
        if (detectRecordPage(url) || rulePathMatcher()) watchSettings();
        else reportPageDecision(url, 'no record');
        return;
      }
      const detected = detect(url, rules);
      const ref = detected && !disabled.includes(detected.page.id) ? detected.ref : undefined;
      reportPageDecision(url, ref ? 'record' : detected ? 'switched off' : 'no record');
      // A query or hash change on the same record (a tab of the record page) keeps the icon.
      if (ref && shown && sameRecord(ref, shown.ref)) return;
      const left = shown;
      // The title the page still shows belongs to the record being left. Before that record's
      // icon was mounted (a page moving faster than the background answers) it is found afresh,
      // or the next record would be read from the last one's title.
      const anchor = left && (left.ui?.anchor() ?? left.page.findTitle(document, left.ref));
      left?.controller.abort();
      shown = undefined;
      if (!detected || !ref) {
        panel?.remove();
        // A list view tells the background; a switched-off vendor only if we had shown a record.
        if (!detected || left) sendMessage('recordLeft', { at: decidedAt() }).catch(warn);
        return;
      }
      const entry: Shown = { page: detected.page, ref, controller: new AbortController() };
      shown = entry;
      const { signal } = entry.controller;
      const at = url;
      withRecordCode()
        .then(({ showRecord }) =>
          signal.aborted || !panel
            ? undefined
            : showRecord(detected.page, ref, at, {
                signal,
                left: anchor ? { element: anchor, text: anchor.textContent } : undefined,
                // An open panel stays: it shows the new record once the background has it.
                panel,
              }),
        )
        .then((ui) => {
          entry.ui = ui;
        }, warn);
    };

    let stopWatching: (() => void) | undefined;
    const watchSettings = () => {
      if (stopWatching) return;
      // A vendor's record URL: the code loads while the worker answers for the settings.
      if (detectRecordPage(url)) withRecordCode().catch(warn);
      stopWatching = watchPageSettings((settings) => {
        disabled = settings.disabled;
        rules = settings.rules;
        // A changed rule may read the same record differently: show it afresh.
        if (shown?.ref.crm === 'custom') {
          shown.controller.abort();
          shown = undefined;
        }
        follow();
      });
    };
    follow();
    // Single-page CRMs: location.href still holds the old URL when this fires.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      url = newUrl;
      follow();
    });
    ctx.onInvalidated(() => {
      stopWatching?.();
      shown?.controller.abort();
      panel?.remove();
    });
  },
});
