import type { CrmPage } from '@/lib/crm/adapter';
import { detectRecordPage } from '@/lib/crm/pages';
import type { CrmId, RecordRef } from '@/lib/crm/record';
import { readReply, sendMessage } from '@/lib/messages/client';
import { decidedAt } from './decided-at';
import { reportPageDecision } from './page-decision';
import { watchPageSettings } from './page-settings';
import { createPanelHost, type PanelHost } from './panel-host';
import type { RecordUi } from './record-ui';
import { showRecord } from './show-record';

/** The record the page shows, and its icon once mounted. */
interface Shown {
  page: CrmPage<CrmId>;
  ref: RecordRef;
  controller: AbortController;
  ui?: RecordUi;
}

/** What the page's start script asks of the record code once it runs. */
export interface RecordPage {
  /** Brings the icon in line with `url`, the page's address after an in-page navigation. */
  follow(url: URL): void;
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

/**
 * The icon and panel for a page whose address may name a record (entrypoints/crm-page/index.ts
 * decided so from the URL alone): asks the worker for the switched-off vendors and this host's
 * rules (`settingsReply`: the worker's reply to the page script, which asked while this code
 * loaded; see record-code.ts `askPageSettings`), then shows
 * the icon on each record the page moves to, and keeps the tab's panel.
 */
export function startRecordPage(start: URL, settingsReply: Promise<unknown>): RecordPage {
  let url = start;
  let disabled: readonly CrmId[] | undefined;
  let rules: readonly CrmPage<CrmId>[] | undefined;
  let shown: Shown | undefined;
  const panel: PanelHost = createPanelHost();

  const follow = () => {
    // Until the worker answered, nothing is decided: a list view reached meanwhile is decided
    // with the settings, as the start script could not.
    if (!disabled || !rules) return;
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
      panel.remove();
      // A list view tells the background; a switched-off vendor only if we had shown a record.
      if (!detected || left) sendMessage('recordLeft', { at: decidedAt() }).catch(warn);
      return;
    }
    const entry: Shown = { page: detected.page, ref, controller: new AbortController() };
    shown = entry;
    showRecord(detected.page, ref, url, {
      signal: entry.controller.signal,
      left: anchor ? { element: anchor, text: anchor.textContent } : undefined,
      // An open panel stays: it shows the new record once the background has it.
      panel,
    }).then((ui) => {
      entry.ui = ui;
    }, warn);
  };

  watchPageSettings(
    (settings) => {
      disabled = settings.disabled;
      rules = settings.rules;
      // A changed rule may read the same record differently: show it afresh.
      if (shown?.ref.crm === 'custom') {
        shown.controller.abort();
        shown = undefined;
      }
      follow();
    },
    settingsReply.then((reply) => readReply<'pageSettings'>(reply)),
  );
  return {
    follow(next) {
      url = next;
      follow();
    },
  };
}
