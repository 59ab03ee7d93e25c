import { browser } from 'wxt/browser';
import { crmHostPatterns } from '@/lib/crm/hosts';
import { readUserRules } from '@/lib/crm/user-rules';
import { onSettingsChanged } from '@/lib/messages/settings-changed';
import { database } from '@/lib/store/db';
import { listUserRules } from '@/lib/store/user-rules';

/** The id of the one run-time registration that carries the content script to rule hosts. */
export const USER_RULE_SCRIPT_ID = 'crm-user-rules';

/**
 * The content script WXT builds from entrypoints/crm.content (the manifest's
 * content_scripts[0].js). Registered as it is: the same main() runs on a rule's host and
 * asks the worker for the rules of its host.
 */
export const CONTENT_SCRIPT_FILE = 'content-scripts/crm.js';

/** The part of the browser this module uses; a fake in unit tests. */
export interface RuleScriptApi {
  readRules(): Promise<unknown>;
  grantedOrigins(): Promise<readonly string[]>;
  registered(): Promise<readonly string[] | undefined>;
  register(matches: readonly string[]): Promise<void>;
  unregister(): Promise<void>;
}

export const browserRuleScriptApi: RuleScriptApi = {
  readRules: async () => listUserRules(await database()),
  grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
  registered: async () => {
    const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [USER_RULE_SCRIPT_ID] });
    return script?.matches;
  },
  register: (matches) =>
    browser.scripting.registerContentScripts([
      {
        id: USER_RULE_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        matches: [...matches],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]),
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [USER_RULE_SCRIPT_ID] }),
};

/**
 * The rule hosts the content script may run on: a saved, valid rule's pattern that the user
 * granted. The manifest's own CRM hosts are left out of the registration (the manifest
 * already injects there) but kept in the answer, which is what the sender check uses.
 */
export async function syncUserRuleScripts(api: RuleScriptApi): Promise<string[]> {
  const rules = readUserRules(await api.readRules());
  const granted = new Set(await api.grantedOrigins());
  const hosts = [...new Set(rules.map((rule) => rule.matches))].filter((pattern) => granted.has(pattern));
  const wanted = hosts.filter((pattern) => !crmHostPatterns.includes(pattern)).sort();
  const current = await api.registered();
  if (current && current.length === wanted.length && [...current].sort().every((p, i) => p === wanted[i])) {
    return hosts;
  }
  if (current) await api.unregister();
  if (wanted.length > 0) await api.register(wanted);
  return hosts;
}

/**
 * Keeps the registration and `onHosts` in step with the rules and the grants: at worker start
 * (a registration persists, but the grants may have changed while the worker slept), when
 * the manager saves or deletes a rule, and when the user grants or takes back a host, also
 * from chrome://extensions. Resolves once the first sync is done.
 */
export function watchUserRuleScripts(
  onHosts: (hosts: string[]) => void,
  api = browserRuleScriptApi,
): Promise<void> {
  let queue = Promise.resolve();
  const sync = () => {
    // One sync at a time: two overlapping ones could both register and the second would fail.
    queue = queue
      .then(() => syncUserRuleScripts(api))
      .then(onHosts, (error: unknown) => console.warn('X for CRM: could not register the rule hosts', error));
    return queue;
  };
  // The worker announces every change of the rules it stores (the manager saves them through it).
  onSettingsChanged(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  return sync();
}
