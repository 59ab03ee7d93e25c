import type { RecordType } from './record';

/**
 * A user rule as the worker keeps it (in its IndexedDB) and hands it to a content script. Only
 * types here: this module runs in the script every CRM page loads, where zod must stay out. lib/crm/user-rules.ts validates
 * a rule in full before it is stored; the reader below still trusts nothing of it.
 */
export interface FieldSource {
  /** A CSS selector, or the label the CRM shows beside the value ("Email"). */
  by: 'selector' | 'label';
  value: string;
}

export interface UserRuleData {
  id: string;
  /** The user's name for the rule, shown in the manager. */
  name: string;
  /** A Chrome match pattern for one host: https://crm.example.com/* or https://*.example.com/*. */
  matches: string;
  /** `pattern`: a path such as /contacts/:id; `regex`: a regular expression with an `id` group. */
  pathKind: 'pattern' | 'regex';
  path: string;
  type: RecordType;
  fields: {
    name: FieldSource;
    company?: FieldSource;
    email?: FieldSource;
    twitter?: FieldSource;
  };
}

export type UserRuleField = keyof UserRuleData['fields'];

export interface UserRuleFields {
  fullName: string;
  company?: string;
  email?: string;
  twitterField?: string;
}

/** What applying a rule to a page gave, or why it gave nothing. */
export type UserRuleReading =
  | {
      ok: true;
      type: RecordType;
      id: string;
      /** The host the record lives on: a rule's tenant. */
      tenant: string;
      fields: UserRuleFields;
      /** The element the name was read from (null when read for the manager: it cannot travel). */
      title: Element | null;
      /** Optional fields the rule names but the page did not show. */
      missing: UserRuleField[];
    }
  | { ok: false; reason: 'host' | 'path' | 'name' | 'error'; missing: UserRuleField[] };

/**
 * `url`: only whether the URL is the rule's record page and which record; `page`: that and
 * the fields, keeping the name's element (the content script); `fields`: the fields alone,
 * the URL already checked; `try`: URL and fields with no elements, for the manager.
 */
export type UserRuleMode = 'url' | 'page' | 'fields' | 'try';

/**
 * Applies a user rule to the current page. Self-contained on purpose: the manager hands this
 * very function to `scripting.executeScript`, which sends its source into the tab, so it may
 * use nothing from outside its own body (hence the small label reader below rather than
 * lib/crm/labels.ts). A rule is the user's, and a page is anyone's: every step is bounded and
 * caught, and a broken rule reads as "not found", never as an error thrown into the page.
 * `pathId` is the record id the caller found in the address with userRulePathId (RE2, in
 * lib/crm/user-rule-path.ts): the rule's own pattern never runs here, on the page's engine.
 */
export function applyUserRule(
  rule: UserRuleData,
  href: string | null,
  mode: UserRuleMode,
  pathId?: string | null,
): UserRuleReading {
  const failed = (
    reason: 'host' | 'path' | 'name' | 'error',
    missing: UserRuleField[] = [],
  ): UserRuleReading => ({
    ok: false,
    reason,
    missing,
  });
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
  const textOf = (element: Element) => {
    const input = element.matches('input, textarea, select')
      ? element
      : element.querySelector('input, textarea, select');
    return clean(input ? (input as HTMLInputElement).value : element.textContent);
  };
  /** The element holding a field's value, or null. */
  const find = (source: FieldSource | undefined): Element | null => {
    if (!source || typeof source.value !== 'string' || source.value.length > 300) return null;
    try {
      if (source.by === 'selector') return document.querySelector(source.value);
      const wanted = clean(source.value).replace(/:$/, '').toLowerCase();
      if (!wanted) return null;
      const candidates = document.querySelectorAll('label, span, div, dt, th, td, p, b, strong');
      // A huge page is not searched to its end: the label is near the record's header.
      const limit = Math.min(candidates.length, 5000);
      for (let index = 0; index < limit; index++) {
        const element = candidates[index] as Element;
        if (element.childElementCount > 0) continue;
        if (clean(element.textContent).replace(/:$/, '').toLowerCase() !== wanted) continue;
        // As readByLabel: the label's sibling holds the value, or its parent's when wrapped.
        const cell = element.nextElementSibling ?? element.parentElement?.nextElementSibling;
        if (cell) return cell;
      }
    } catch {
      // A selector the browser cannot parse finds nothing.
    }
    return null;
  };

  try {
    let type = rule.type;
    let id = '';
    let tenant = '';
    if (mode !== 'fields') {
      const url = new URL(href ?? location.href);
      const hostPattern = /^https:\/\/(\*\.)?([^/*]+)\/\*$/.exec(String(rule.matches));
      const host = hostPattern?.[2]?.toLowerCase();
      const onHost =
        url.protocol === 'https:' &&
        host !== undefined &&
        (url.hostname === host || (hostPattern?.[1] !== undefined && url.hostname.endsWith(`.${host}`)));
      if (!onHost) return failed('host');
      // The path was matched by the caller with RE2 (lib/crm/user-rule-path.ts), where a
      // rule's regex cannot hang the page; this function only receives the id it found.
      id = clean(typeof pathId === 'string' ? pathId : '').slice(0, 200);
      if (!id) return failed('path');
      try {
        id = decodeURIComponent(id);
      } catch {
        // An id with a stray % is kept as it is in the URL.
      }
      tenant = url.hostname;
      if (type !== 'lead' && type !== 'contact' && type !== 'company') type = 'contact';
    }
    if (mode === 'url')
      return { ok: true, type, id, tenant, fields: { fullName: '' }, title: null, missing: [] };

    const fields = rule.fields ?? {};
    const title = find(fields.name);
    const fullName = title ? textOf(title) : '';
    const missing: UserRuleField[] = [];
    const read = (key: Exclude<UserRuleField, 'name'>) => {
      if (!fields[key]) return undefined;
      const element = find(fields[key]);
      const value = element ? textOf(element) : '';
      if (!value) missing.push(key);
      return value || undefined;
    };
    const company = read('company');
    const email = read('email');
    const twitterField = read('twitter');
    if (!fullName) return failed('name', ['name', ...missing]);
    return {
      ok: true,
      type,
      id,
      tenant,
      fields: { fullName, company, email, twitterField },
      title: mode === 'try' ? null : title,
      missing,
    };
  } catch {
    return failed('error');
  }
}
