import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectRecordPage } from '@/lib/crm/pages';
import { rulePathMatcher, whenRulePathMatcherArrives } from '@/lib/crm/rule-path-matcher';
import { sendMessage } from '@/lib/messages/client';
import type { PageSettings } from '@/lib/messages/settings-messages';
import { watchLocation } from './location-changes';
import { forgetPageDecision, reportPageDecision } from './page-decision';
import { type RecordPage, startRecordPage } from './record-page';

function whenParsed(run: () => void) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}

/**
 * The script every CRM page loads (the manifest's content script on the built-in CRMs' hosts;
 * on a user rule's host the worker registers it, see entrypoints/background/user-rule-scripts.ts).
 * A list view or dashboard costs the page a check of its address: no message to the worker,
 * no watching of the page, no extension API touched. Where the address may name a record, it
 * asks the worker for the page's settings at once, before the page is parsed (document_start),
 * and shows the icon once the page is parsed and shows the record.
 *
 * An unlisted script with its own entry in the manifest (wxt.config.ts) rather than WXT's
 * content script: WXT's wrapper posts a window message to every frame of the page at start,
 * which cost a list page more than the rest of this script. One script rather than a small
 * one importing the icon code: an import() from a content script lands tens of ms after
 * the page is parsed, later still on a large page, and the icon waited for it.
 */
export default defineUnlistedScript(() => {
  let url = new URL(location.href);
  let recordPage: RecordPage | undefined;
  let settings: Promise<PageSettings> | undefined;

  const start = () => {
    if (settings) return;
    forgetPageDecision();
    const asked = sendMessage('pageSettings', {});
    // Read once the page is parsed (page-settings.ts), where a failure is answered.
    asked.catch(() => undefined);
    settings = asked;
    whenParsed(() => {
      // The page may have moved on while it was parsed (where no Navigation API told us).
      if (location.href !== url.href) url = new URL(location.href);
      recordPage = startRecordPage(url, asked);
    });
  };

  const follow = () => {
    if (recordPage) return recordPage.follow(url);
    if (settings) return;
    // On a host with a rule (the worker brings the rules' path matcher only there) any address
    // may be a record; which one is known once the worker gave the rules.
    if (detectRecordPage(url) || rulePathMatcher()) return start();
    reportPageDecision(url, 'no record');
  };

  // Decided as the document starts, not when it is parsed: a list page then runs nothing more
  // of this script until its address changes.
  follow();
  watchLocation((next) => {
    url = next;
    follow();
  });
  whenRulePathMatcherArrives(follow);
});
