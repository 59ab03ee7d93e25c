import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectRecordPage } from '@/lib/crm/pages';
import { rulePathMatcher } from '@/lib/crm/rule-path-matcher';
import { watchLocation } from './location-changes';
import { reportPageDecision } from './page-decision';
import { askPageSettings, loadRecordCode } from './record-code';
import type { RecordPage } from './record-page';

/**
 * The script every CRM page loads (the manifest's content script on the built-in CRMs' hosts;
 * on a user rule's host the worker registers it, see entrypoints/background/user-rule-scripts.ts).
 * It only decides from the address whether the page may show a record, and brings in the icon
 * and panel code (record-ui.js) when it may. A list view or dashboard costs the page a URL
 * check: no message to the worker, no watching of the page.
 *
 * An unlisted script with its own entry in the manifest (wxt.config.ts) rather than WXT's
 * content script: WXT's wrapper posts a window message to every frame of the page at start,
 * which alone took three times the rest of this script's time on a list page.
 */
export default defineUnlistedScript(() => {
  let url = new URL(location.href);
  let recordPage: RecordPage | undefined;
  let loading = false;

  const maybeRecord = (at: URL) =>
    // On a host with a rule (the worker brings the rules' path matcher only there) any
    // address may be a record; which one is known once the worker gave the rules.
    Boolean(detectRecordPage(at) || rulePathMatcher());

  const follow = () => {
    if (recordPage) return recordPage.follow(url);
    if (loading) return;
    if (!maybeRecord(url)) return reportPageDecision(url, 'no record');
    loading = true;
    // The worker answers while the code loads; the record code reads the reply.
    const settings = askPageSettings();
    loadRecordCode().then(
      (code) => {
        recordPage = code.startRecordPage(url, settings);
      },
      (error: unknown) => {
        // Tried again on the next record: the extension may have been updated meanwhile.
        loading = false;
        console.warn('X for CRM: could not show the record', error);
      },
    );
  };
  follow();
  watchLocation((next) => {
    url = next;
    follow();
  });
});
