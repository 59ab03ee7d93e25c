/** The part of recheck (https://makenowjust-labs.github.io/recheck/) the check uses. */
export type BacktrackingChecker = Pick<typeof import('recheck'), 'checkSync'>;

let checker: BacktrackingChecker | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the backtracking checker, recheck (about 3 MB of compiled Scala), with `load`, apart
 * from the manager's first paint and from the rules section's own script: call it when the
 * rules form shows. Resolves when it can be used; rejects as `load` does, and the next call
 * loads again.
 */
export function loadBacktrackingCheck(load: () => Promise<BacktrackingChecker>): Promise<void> {
  loading ??= load().then(
    (module) => {
      checker = module;
      // The first check also compiles the checker itself: pay for it now, not on Save.
      backtracksCatastrophically('^(a|b)+$');
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const verdicts = new Map<string, boolean>();

/**
 * True when a regular expression backtracks catastrophically: recheck (a maintained ReDoS
 * checker, https://makenowjust-labs.github.io/recheck/) finds addresses on which a
 * backtracking engine takes exponential or polynomial time, as `(a+)+` does. Rules run on
 * RE2, where this cannot hang anything; such a pattern is refused all the same, as a sign it
 * does not say what its author meant and so it stays safe wherever it is copied. False when
 * the checker cannot tell within `timeoutMs` (ms) or cannot read the pattern; undefined until
 * it is loaded.
 */
export function backtracksCatastrophically(source: string, timeoutMs = 3000): boolean | undefined {
  if (!checker) return undefined;
  const known = verdicts.get(source);
  if (known !== undefined) return known;
  let verdict: boolean;
  try {
    const { status } = checker.checkSync(source, '', { timeout: timeoutMs });
    // Out of time says nothing of the pattern, only of a busy machine: ask again next time.
    if (status === 'unknown') return false;
    verdict = status === 'vulnerable';
  } catch {
    verdict = false;
  }
  // The form asks again on every Try and Save; a pattern's verdict never changes.
  if (verdicts.size > 100) verdicts.clear();
  verdicts.set(source, verdict);
  return verdict;
}
