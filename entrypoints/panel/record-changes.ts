/** How long a tab's record must stay put before a change in a burst is shown. */
export const RECORD_QUIET_MS = 250;

/**
 * Calls `apply` for a stream of record changes without following every one of a burst: a
 * change after a quiet spell is applied at once (a rep moving to the next record sees it
 * without delay), while changes coming faster than `quietMs` apart are folded into one,
 * applied once the tab has been quiet for `quietMs`. Each applied change makes the panel ask
 * for its view and may read X, so a page that flips through records costs one view, not one
 * per record. Answers `{ changed, stop }`; `stop` drops a pending change.
 */
export function coalesceRecordChanges(
  apply: () => void,
  quietMs = RECORD_QUIET_MS,
  now: () => number = () => performance.now(),
): { changed: () => void; stop: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    pending = undefined;
    apply();
  };
  return {
    changed() {
      const at = now();
      const quiet = at - last >= quietMs;
      last = at;
      if (pending !== undefined) clearTimeout(pending);
      if (quiet) {
        pending = undefined;
        apply();
      } else pending = setTimeout(flush, quietMs);
    },
    stop() {
      if (pending !== undefined) clearTimeout(pending);
      pending = undefined;
    },
  };
}
