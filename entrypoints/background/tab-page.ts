import type { Runtime } from 'webextension-polyfill';
import { parseCrmRecordUrl } from '@/lib/crm/hosts';
import type { RecordRef } from '@/lib/crm/record';
import { recordsAtUrl } from '@/lib/crm/records-at-url';
import { readUserRules } from '@/lib/crm/user-rules';
import { browserRuleScriptApi } from './user-rule-scripts';

/**
 * The URL of the page a message came from, as the browser reports it, never the sender's own
 * word. For the top frame that is the tab's URL: Chromium's `sender.url` keeps the address the
 * document was loaded at, and single-page CRMs move on with history.pushState, which the
 * tab's URL follows. A frame below the top has only `sender.url`. Null when neither is known.
 */
export function senderPageUrl(sender: Runtime.MessageSender): URL | null {
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  for (const href of topFrame ? [sender.tab?.url, sender.url] : [sender.url]) {
    if (!href) continue;
    try {
      return new URL(href);
    } catch {
      // An unparsable URL says nothing; try the next.
    }
  }
  return null;
}

/**
 * The records a tab at `url` can show: a built-in vendor's, else those of the saved rules
 * whose host the user granted. Rules and grants are read only when no vendor knows the URL.
 */
export async function recordsShownAt(url: URL): Promise<RecordRef[]> {
  const builtIn = parseCrmRecordUrl(url);
  if (builtIn) return [builtIn];
  if (url.protocol !== 'https:') return [];
  // The same rules and grants the content script's registration follows.
  const [stored, granted] = await Promise.all([
    browserRuleScriptApi.readRules(),
    browserRuleScriptApi.grantedOrigins(),
  ]);
  return recordsAtUrl(url, readUserRules(stored), granted);
}
