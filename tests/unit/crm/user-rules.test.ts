import { afterEach, describe, expect, it, vi } from 'vitest';
import { userRulePage } from '@/entrypoints/crm-page/user-rules';
import { RULE_PATH_MATCHER } from '@/lib/crm/rule-path-matcher';
import { userRulePathId } from '@/lib/crm/user-rule-path';
import { applyUserRule as applyWithId, type UserRuleData, type UserRuleMode } from '@/lib/crm/user-rule-read';
import { backtracksCatastrophically, loadBacktrackingCheck } from '@/lib/crm/user-rule-redos';
import {
  MAX_USER_RULES,
  readUserRules,
  regexProblem,
  ruleProblems,
  UserRule,
  UserRules,
} from '@/lib/crm/user-rules';
import { classifySender } from '@/lib/messages/sender';

/** As its callers do: the path matched with RE2 first, the id handed to the page function. */
function applyUserRule(rule: UserRuleData, href: string | null, mode: UserRuleMode) {
  let pathId: string | null = null;
  try {
    pathId = href ? (userRulePathId(rule, new URL(href)) ?? null) : null;
  } catch {
    pathId = null;
  }
  return applyWithId(rule, href, mode, pathId);
}

const rule: UserRuleData = {
  id: 'b7e1c2d0-1111-4222-8333-944455556666',
  name: 'Example CRM contacts',
  matches: 'https://crm.example-crm.com/*',
  pathKind: 'pattern',
  path: '/app/contacts/:id',
  type: 'contact',
  fields: {
    name: { by: 'selector', value: 'h1.contact-name' },
    company: { by: 'label', value: 'Company' },
    email: { by: 'label', value: 'Email' },
    twitter: { by: 'label', value: 'Twitter' },
  },
};

const PAGE = `<h1 class="contact-name"> Ada
  Lovelace </h1><dl><dt>Company</dt><dd>Analytical Engines Ltd</dd><dt>Email:</dt><dd>ada@analytical.example</dd></dl>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('validation', () => {
  it('accepts a complete rule', () => {
    expect(ruleProblems(rule)).toEqual([]);
    expect(UserRule.parse({ ...rule, matches: 'HTTPS://CRM.Example-CRM.com/*' }).matches).toBe(rule.matches);
  });

  it.each([
    ['http://crm.example.com/*'],
    ['https://*/*'],
    ['<all_urls>'],
    ['https://crm.example.com/app/*'],
    ['https://*.com/*'],
    ['https://crm.exa mple.com/*'],
  ])('refuses the host pattern %s', (matches) => {
    expect(ruleProblems({ ...rule, matches })).toContainEqual({ field: 'matches', reason: 'matches' });
  });

  it('wants :id in a path pattern', () => {
    expect(ruleProblems({ ...rule, path: '/app/contacts/:key' })).toContainEqual({
      field: 'path',
      reason: 'pattern',
    });
    expect(ruleProblems({ ...rule, path: 'app/contacts/:id' })).toContainEqual({
      field: 'path',
      reason: 'pattern',
    });
  });

  it.each([
    ['^/contacts/(?<id>[', 'syntax'],
    ['^/contacts/(?=\\d)(?<id>\\d+)$', 'syntax'],
    ['^/contacts/(?<!x)(?<id>\\d+)$', 'syntax'],
    ['^/(\\w+)/\\1/(?<id>\\d+)$', 'backreference'],
    ['^/contacts/(\\d+)$', 'id'],
  ])('refuses the regex %s (%s)', (path, reason) => {
    expect(regexProblem(path)).toBe(reason);
    expect(ruleProblems({ ...rule, pathKind: 'regex', path })).toContainEqual({ field: 'path', reason });
  });

  it('accepts a plain regex with an id group, in either named-group spelling', () => {
    expect(regexProblem('^/app/(contacts|people)/(?<id>\\d+)/?$')).toBeUndefined();
    expect(regexProblem('^/app/people/(?P<id>\\d+)$')).toBeUndefined();
  });

  it.each([
    '^/c/(?<id>((a+))+)$',
    '^/contacts/(?<id>(a+)+)$',
    '^/contacts/(?<id>\\d*)*$',
    '^/contacts/(?<id>(\\w{1,}){2,})$',
    '^/c/(?<id>(a|aa)+)$',
    '^/c/(?<id>\\d+\\d+\\d+)x$',
  ])('finds that %s backtracks catastrophically', async (path) => {
    await loadBacktrackingCheck(() => import('recheck'));
    expect(backtracksCatastrophically(path)).toBe(true);
  });

  it('does not remember a check that ran out of time as a verdict', async () => {
    await loadBacktrackingCheck(() => import('recheck'));
    const path = '^/deals/(?<id>(x+x+)+)y$';
    // No time at all: the checker gives up, as it does on a loaded machine.
    expect(backtracksCatastrophically(path, 0)).toBe(false);
    expect(backtracksCatastrophically(path)).toBe(true);
  });

  it('loads the checker again after a load that failed', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/crm/user-rule-redos');
    await expect(fresh.loadBacktrackingCheck(() => Promise.reject(new Error('offline')))).rejects.toThrow(
      'offline',
    );
    expect(fresh.backtracksCatastrophically('^(a+)+$')).toBeUndefined();
    await fresh.loadBacktrackingCheck(() => import('recheck'));
    expect(fresh.backtracksCatastrophically('^(a+)+$')).toBe(true);
  });

  it('finds that plain rules do not backtrack catastrophically', async () => {
    await loadBacktrackingCheck(() => import('recheck'));
    for (const path of ['^/app/(contacts|people)/(?<id>\\d+)/?$', '#/people/(?<id>[a-f0-9-]+)$']) {
      expect(backtracksCatastrophically(path), path).toBe(false);
    }
  });

  it('matches any pattern in time linear in the address, even one that hangs a backtracking engine', () => {
    const hanging = { ...rule, pathKind: 'regex' as const, path: '^/c/(?<id>((a+))+)$' };
    // The 36-character path that took a backtracking engine 148 s, and the longest tried.
    for (const path of [`/c/${'a'.repeat(32)}!`, `/c/${'a'.repeat(1990)}!`]) {
      const started = performance.now();
      expect(userRulePathId(hanging, new URL(`https://crm.example-crm.com${path}`))).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(500);
    }
    expect(userRulePathId(hanging, new URL(`https://crm.example-crm.com/c/${'a'.repeat(32)}`))).toBe(
      'a'.repeat(32),
    );
  });

  it('refuses a selector that does not parse, long values and unknown keys', () => {
    expect(ruleProblems({ ...rule, fields: { name: { by: 'selector', value: 'h1[' } } })).toContainEqual({
      field: 'fields.name.value',
      reason: 'selector',
    });
    expect(ruleProblems({ ...rule, fields: { name: { by: 'label', value: 'x'.repeat(81) } } })).not.toEqual(
      [],
    );
    expect(ruleProblems({ ...rule, extra: true })).not.toEqual([]);
    expect(ruleProblems({ ...rule, fields: {} })).not.toEqual([]);
  });

  it('keeps at most 50 rules with distinct ids', () => {
    const many = Array.from({ length: MAX_USER_RULES + 1 }, (_, index) => ({ ...rule, id: `rule-${index}` }));
    expect(UserRules.safeParse(many).success).toBe(false);
    expect(UserRules.safeParse([rule, rule]).success).toBe(false);
    expect(readUserRules(many)).toHaveLength(MAX_USER_RULES);
  });

  it('drops a broken stored rule alone', () => {
    expect(readUserRules([rule, { ...rule, id: 'other', path: '(' }, 'junk', null])).toEqual([rule]);
    expect(readUserRules('junk')).toEqual([]);
  });
});

describe('reading a page with a rule', () => {
  it('reads the record the URL names and the fields the page shows', () => {
    document.body.innerHTML = PAGE;
    const reading = applyUserRule(rule, 'https://crm.example-crm.com/app/contacts/8842', 'try');
    expect(reading).toEqual({
      ok: true,
      type: 'contact',
      id: '8842',
      tenant: 'crm.example-crm.com',
      fields: {
        fullName: 'Ada Lovelace',
        company: 'Analytical Engines Ltd',
        email: 'ada@analytical.example',
      },
      title: null,
      missing: ['twitter'],
    });
  });

  it('keeps the name element for the icon outside the manager', () => {
    document.body.innerHTML = PAGE;
    const reading = applyUserRule(rule, 'https://crm.example-crm.com/app/contacts/8842/', 'page');
    expect(reading.ok && reading.title?.tagName).toBe('H1');
  });

  it.each([
    ['https://crm.example-crm.com/app/contacts', 'path'],
    ['https://crm.example-crm.com/app/contacts/8842/edit', 'path'],
    ['https://other.example.com/app/contacts/8842', 'host'],
    ['http://crm.example-crm.com/app/contacts/8842', 'host'],
    ['https://evilcrm.example-crm.com.attacker.test/app/contacts/8842', 'host'],
  ])('names no record at %s', (url, reason) => {
    expect(applyUserRule(rule, url, 'url')).toMatchObject({ ok: false, reason });
  });

  it('matches a wildcard host and a regex on path, query and fragment', () => {
    const regexRule = {
      ...rule,
      matches: 'https://*.example-crm.com/*',
      pathKind: 'regex' as const,
      path: '#/people/(?<id>[a-f0-9-]+)$',
    };
    expect(applyUserRule(regexRule, 'https://eu.example-crm.com/app#/people/ab-12', 'url')).toMatchObject({
      ok: true,
      id: 'ab-12',
      tenant: 'eu.example-crm.com',
    });
  });

  it('says what a broken rule did not find, and never throws', () => {
    document.body.innerHTML = PAGE;
    const broken = {
      ...rule,
      fields: {
        name: { by: 'selector' as const, value: 'h1[' },
        email: { by: 'label' as const, value: 'Mail' },
      },
    };
    expect(applyUserRule(broken, 'https://crm.example-crm.com/app/contacts/1', 'try')).toEqual({
      ok: false,
      reason: 'name',
      missing: ['name', 'email'],
    });
    const hanging = { ...rule, pathKind: 'regex' as const, path: '(a+)+$'.padEnd(201, 'x') };
    expect(applyUserRule(hanging, 'https://crm.example-crm.com/aaaa', 'url')).toMatchObject({
      ok: false,
      reason: 'path',
    });
    // A pattern RE2 cannot compile names no record.
    const garbage = { ...rule, pathKind: 'regex' as const, path: '(' } as UserRuleData;
    expect(applyUserRule(garbage, 'https://crm.example-crm.com/x', 'url')).toMatchObject({
      ok: false,
      reason: 'path',
    });
    expect(applyUserRule({} as UserRuleData, 'https://crm.example-crm.com/x', 'page')).toMatchObject({
      ok: false,
    });
  });

  it('gives the content script a custom CrmPage keyed by host, matched only with RE2', () => {
    document.body.innerHTML = PAGE;
    const url = new URL('https://crm.example-crm.com/app/contacts/8842');
    // Without the rule-path script's matcher in this world, no path is tried at all.
    expect(userRulePage(rule).parseRecordUrl(url)).toBeUndefined();
    (globalThis as Record<string, unknown>)[RULE_PATH_MATCHER] = userRulePathId;
    const page = userRulePage(rule);
    expect(page.parseRecordUrl(new URL('https://crm.example-crm.com/app/contacts/8842'))).toEqual({
      crm: 'custom',
      tenant: 'crm.example-crm.com',
      type: 'contact',
      id: '8842',
    });
    expect(
      page.findTitle(document, { crm: 'custom', tenant: 'x', type: 'contact', id: '1' })?.textContent,
    ).toContain('Ada');
    expect(page.readFields(document, null).fullName).toBe('Ada Lovelace');
  });
});

describe('the sender check with rule hosts', () => {
  const self = { extensionId: 'ext', extensionOrigins: ['chrome-extension://ext'] };
  const fromTab = (url: string) => ({ id: 'ext', url, tab: { id: 3 } }) as never;

  it('accepts a content script on a granted rule host only', () => {
    const url = 'https://crm.example-crm.com/app/contacts/8842';
    expect(classifySender(fromTab(url), self)).toBeNull();
    expect(classifySender(fromTab(url), { ...self, userRuleHosts: [rule.matches] })).toBe('content');
    expect(
      classifySender(fromTab('https://evil.test/'), { ...self, userRuleHosts: [rule.matches] }),
    ).toBeNull();
  });
});
