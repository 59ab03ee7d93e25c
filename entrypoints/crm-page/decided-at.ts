/**
 * Now, in ms since the epoch, on the document's own clock: its performance.timeOrigin plus
 * performance.now() only grows within a page (Date.now() may step back with the system clock)
 * and a page loaded later in the tab starts later.
 */
export const decidedAt = (): number => performance.timeOrigin + performance.now();
