import type { Runtime } from 'webextension-polyfill';
import { isCrmHostUrl } from '../crm/hosts';
import { urlMatchesHostPattern } from '../crm/user-rules';
import type { SenderContext } from './spec';

/** The extension pages that may talk to the background, by path. */
const PAGE_CONTEXTS: Record<string, SenderContext> = {
  '/panel.html': 'panel',
  '/popup.html': 'popup',
  '/options.html': 'options',
  '/sidepanel.html': 'sidepanel',
};

export interface SenderIdentity {
  extensionId: string;
  /** Origins the extension's own pages load from (one, or two with a dynamic URL). */
  extensionOrigins: readonly string[];
  /**
   * Hosts of the user's own CRM rules whose permission the user granted (match patterns):
   * the content script runs there too. Passed in, so this function stays pure.
   */
  userRuleHosts?: readonly string[];
}

/**
 * Says which part of the extension a message came from, or null when it is not one of
 * ours: another extension, a page script, or a content script on a host we do not serve.
 */
export function classifySender(sender: Runtime.MessageSender, self: SenderIdentity): SenderContext | null {
  if (sender.id !== self.extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  // URL.origin is "null" for extension schemes outside the browser; build it from its parts.
  if (self.extensionOrigins.includes(`${url.protocol}//${url.host}`)) {
    const context = PAGE_CONTEXTS[url.pathname] ?? null;
    // The panel only ever lives in a CRM tab; without one it has no record to ask about.
    if (context === 'panel' && sender.tab?.id === undefined) return null;
    return context;
  }
  if (sender.tab?.id === undefined) return null;
  if (isCrmHostUrl(url)) return 'content';
  if (self.userRuleHosts?.some((pattern) => urlMatchesHostPattern(pattern, url))) return 'content';
  return null;
}
