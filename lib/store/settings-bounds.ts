// The settings' defaults and bounds, apart from their zod schemas (settings.ts) so that the
// manager, which shows them before its first paint, does not load zod and the CRM registry.

/**
 * The daily budget a browser starts with, in USD of estimated X spend per UTC day: about 300
 * profile reads ($0.010 each) or 600 posts read ($0.005 each) at X's pay-per-use prices
 * (shared research notes on X's API prices). Policy can set another one or lock it.
 */
export const DEFAULT_DAILY_BUDGET_USD = 3;

/** Bounds of the freshness windows: under a minute every view would call X again. */
export const POSTS_FRESH_MINUTES = { min: 1, max: 24 * 60 } as const;
export const PROFILE_FRESH_HOURS = { min: 1, max: 24 * 30 } as const;
/** The largest daily budget the manager accepts, in USD. */
export const MAX_DAILY_BUDGET_USD = 10_000;
