import type { BacktrackingChecker } from '@/lib/crm/user-rule-redos';
import { loadOffered } from '../section-scripts';

const OFFERED = Symbol.for('x-crm.recheck');
type World = { [OFFERED]?: BacktrackingChecker };

/** Called by the checker's script when it runs (entrypoints/manager-recheck.ts). */
export function offerRecheck(checker: BacktrackingChecker): void {
  (globalThis as World)[OFFERED] = checker;
}

/**
 * recheck, from a script of its own (`/manager-recheck.js`, 3 MB), fetched when the rule form
 * first shows: inside the rules section's script it was read before the section could show.
 * @throws Error (`sectionLoadFailed`) when the script cannot be loaded.
 */
export function loadRecheck(): Promise<BacktrackingChecker> {
  return loadOffered('/manager-recheck.js', () => (globalThis as World)[OFFERED]);
}
