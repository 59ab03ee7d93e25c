import type { IDBPDatabase } from 'idb';
import { readUserRules, type UserRule, UserRules } from '../crm/user-rules';
import type { XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

const USER_RULES = 'userRules';

/**
 * The user's rules for other CRMs, each checked again on read (a bad one is dropped alone).
 * Kept in the worker's IndexedDB: a rule decides where the content script runs and what it
 * reads, so a CRM page must not be able to write one.
 */
export async function listUserRules(db: Db): Promise<UserRule[]> {
  return readUserRules(await db.get('settings', USER_RULES));
}

/** Replaces the rules. Throws a ZodError when they are not valid rules; nothing is written then. */
export async function saveUserRules(db: Db, rules: readonly unknown[]): Promise<UserRule[]> {
  const checked = UserRules.parse(rules);
  await db.put('settings', checked, USER_RULES);
  return checked;
}

/** Adds a rule, or replaces the one with its id, in one transaction. Throws as saveUserRules. */
export async function putUserRule(db: Db, rule: UserRule): Promise<UserRule[]> {
  const tx = db.transaction('settings', 'readwrite');
  const current = readUserRules(await tx.store.get(USER_RULES));
  const index = current.findIndex((stored) => stored.id === rule.id);
  const next = UserRules.parse(index < 0 ? [...current, rule] : current.with(index, rule));
  await tx.store.put(next, USER_RULES);
  await tx.done;
  return next;
}

/** Deletes the rule with `id` (nothing when there is none); resolves to the rules left. */
export async function deleteUserRule(db: Db, id: string): Promise<UserRule[]> {
  const tx = db.transaction('settings', 'readwrite');
  const next = readUserRules(await tx.store.get(USER_RULES)).filter((rule) => rule.id !== id);
  await tx.store.put(next, USER_RULES);
  await tx.done;
  return next;
}
