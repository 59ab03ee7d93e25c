import { browser } from 'wxt/browser';
import { crmHostPatterns } from '@/lib/crm/hosts';
import { readUserRules } from '@/lib/crm/user-rules';
import { onSettingsChanged } from '@/lib/messages/settings-changed';
import { database } from '@/lib/store/db';
import { listUserRules } from '@/lib/store/user-rules';

/** The run-time registration that carries the content script to rule hosts. */
export const USER_RULE_SCRIPT_ID = 'crm-user-rules';
/** The run-time registration that brings the rules' RE2 matcher to built-in CRM hosts. */
export const USER_RULE_PATH_SCRIPT_ID = 'crm-user-rule-paths';

/**
 * The CRM page script WXT builds from entrypoints/crm-page (the manifest's
 * content_scripts[0].js). Registered as it is: the same script runs on a rule's host and
 * asks the worker for the rules of its host.
 */
export const CONTENT_SCRIPT_FILE = 'crm-page.js';
/** The RE2 matcher for rules' paths (entrypoints/rule-path.content), kept out of crm-page.js. */
export const RULE_PATH_SCRIPT_FILE = 'content-scripts/rule-path.js';

/** The hosts each registration runs on. */
export interface RuleScriptHosts {
  /** Rule hosts no built-in CRM covers: the matcher, then the content script. */
  rules: readonly string[];
  /**
   * Built-in CRM hosts that also have a rule: the matcher alone, at document_start. The browser
   * does not promise it runs before the manifest's script (Chromium runs it after); when it
   * comes second it tells that script (rulePathMatcherArrived).
   */
  paths: readonly string[];
}

/** The part of the browser this module uses; a fake in unit tests. */
export interface RuleScriptApi {
  readRules(): Promise<unknown>;
  grantedOrigins(): Promise<readonly string[]>;
  registered(): Promise<RuleScriptHosts | undefined>;
  register(hosts: RuleScriptHosts): Promise<void>;
  unregister(): Promise<void>;
}

export const browserRuleScriptApi: RuleScriptApi = {
  readRules: async () => listUserRules(await database()),
  grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
  registered: async () => {
    const scripts = await browser.scripting.getRegisteredContentScripts({
      ids: [USER_RULE_SCRIPT_ID, USER_RULE_PATH_SCRIPT_ID],
    });
    if (scripts.length === 0) return undefined;
    const matchesOf = (id: string) => {
      const script = scripts.find((each) => each.id === id);
      // A registration an earlier version made without the matcher, or naming the page
      // script's earlier file, is redone.
      const files =
        id === USER_RULE_SCRIPT_ID ? [RULE_PATH_SCRIPT_FILE, CONTENT_SCRIPT_FILE] : [RULE_PATH_SCRIPT_FILE];
      if (script && !files.every((file) => script.js?.includes(file))) return ['outdated'];
      return script?.matches ?? [];
    };
    return { rules: matchesOf(USER_RULE_SCRIPT_ID), paths: matchesOf(USER_RULE_PATH_SCRIPT_ID) };
  },
  register: ({ rules, paths }) =>
    browser.scripting.registerContentScripts([
      ...(rules.length > 0
        ? [
            {
              id: USER_RULE_SCRIPT_ID,
              // In this order, in one world: the matcher is there before the script needs it.
              js: [RULE_PATH_SCRIPT_FILE, CONTENT_SCRIPT_FILE],
              matches: [...rules],
              runAt: 'document_idle' as const,
              persistAcrossSessions: true,
            },
          ]
        : []),
      ...(paths.length > 0
        ? [
            {
              id: USER_RULE_PATH_SCRIPT_ID,
              js: [RULE_PATH_SCRIPT_FILE],
              matches: [...paths],
              // Before the CRM page script reads the page, which it does once the page is parsed.
              runAt: 'document_start' as const,
              persistAcrossSessions: true,
            },
          ]
        : []),
    ]),
  unregister: async () => {
    const scripts = await browser.scripting.getRegisteredContentScripts({
      ids: [USER_RULE_SCRIPT_ID, USER_RULE_PATH_SCRIPT_ID],
    });
    if (scripts.length > 0)
      await browser.scripting.unregisterContentScripts({ ids: scripts.map((s) => s.id) });
  },
};

/**
 * The rule hosts the content script may run on: a saved, valid rule's pattern that the user
 * granted. The manifest's own CRM hosts get only the rules' matcher registered (the manifest
 * already injects the content script there) but are kept in the answer, which is what the
 * sender check uses.
 */
export async function syncUserRuleScripts(api: RuleScriptApi): Promise<string[]> {
  const rules = readUserRules(await api.readRules());
  const granted = new Set(await api.grantedOrigins());
  const hosts = [...new Set(rules.map((rule) => rule.matches))].filter((pattern) => granted.has(pattern));
  const wanted: RuleScriptHosts = {
    rules: hosts.filter((pattern) => !crmHostPatterns.includes(pattern)).sort(),
    paths: hosts.filter((pattern) => crmHostPatterns.includes(pattern)).sort(),
  };
  const current = await api.registered();
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((p, i) => p === b[i]);
  if (current && same(current.rules, wanted.rules) && same(current.paths, wanted.paths)) return hosts;
  if (!current && wanted.rules.length === 0 && wanted.paths.length === 0) return hosts;
  if (current) await api.unregister();
  if (wanted.rules.length > 0 || wanted.paths.length > 0) await api.register(wanted);
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
