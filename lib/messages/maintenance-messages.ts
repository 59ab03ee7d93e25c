import { z } from 'zod';
import { MAX_IMPORT_CHARS } from '../store/backup';
import { AccountSummary, ManagerState, Pin } from './manager-messages';
import { defineMessages } from './spec';

const empty = z.object({}).strict();
const xUserId = z.string().regex(/^\d{1,20}$/);

export const DailyUsageView = z.object({
  day: z.string(),
  accountId: z.string(),
  calls: z.number(),
  costUsd: z.number(),
});
export type DailyUsageView = z.infer<typeof DailyUsageView>;

/** Usage of the last 30 UTC days, oldest first, per day and account, and the daily budget. */
export const UsageReport = z.object({
  days: z.array(z.string()),
  rows: z.array(DailyUsageView),
  /** Names of the accounts in the rows; a deleted account has none. */
  accounts: z.array(z.object({ xUserId: z.string(), name: z.string(), handle: z.string() })),
  budgetUsd: z.number().nullable(),
  /** The organisation's policy sets the budget: the manager shows it read-only. */
  budgetFromPolicy: z.boolean(),
  todayUsd: z.number(),
  /** Posts read this UTC calendar month, against X's monthly post-read cap. */
  monthPostReads: z.number(),
});
export type UsageReport = z.infer<typeof UsageReport>;

const ReportRow = z.object({ row: z.number(), record: z.string(), handle: z.string(), before: z.string() });
export type ReportRow = z.infer<typeof ReportRow>;

/** What an import did, or would do: the preview and the applied import answer the same shape. */
export const ImportReport = z.object({
  applied: z.boolean(),
  format: z.enum(['json', 'csv']),
  total: z.number(),
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  refusedCount: z.number(),
  /** The first rows of each kind (the counts above are complete). */
  addedRows: z.array(ReportRow),
  changedRows: z.array(ReportRow),
  refused: z.array(z.object({ row: z.number(), reason: z.string() })),
  settings: z.enum(['none', 'unchanged', 'changed', 'refused']),
  settingsReason: z.string(),
  /** Handles without an X user id, looked up at X (users/by, 100 per call) on import. */
  lookup: z.object({
    handles: z.number(),
    calls: z.number(),
    maxCostUsd: z.number(),
    /** The account the lookup runs as, or null when there is none (those rows are refused). */
    account: z.string().nullable(),
  }),
});
export type ImportReport = z.infer<typeof ImportReport>;

const SearchPost = z.object({
  id: z.string(),
  text: z.string(),
  createdAt: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  authorHandle: z.string(),
  likes: z.number(),
  reposts: z.number(),
  replies: z.number(),
});

/** The manager's usage, budget, backup and account test. Only the options page may send them. */
export const maintenanceMessages = defineMessages({
  usageReport: { from: ['options'], input: empty, output: UsageReport },
  budgetSave: {
    from: ['options'],
    input: z.object({ dailyBudgetUsd: z.number().min(0).max(10_000).nullable() }).strict(),
    output: UsageReport,
  },
  /** Associations and settings; never accounts, tokens or keys. */
  backupExport: {
    from: ['options'],
    input: z.object({ format: z.enum(['json', 'csv']) }).strict(),
    output: z.object({ filename: z.string(), mimeType: z.string(), text: z.string() }),
  },
  /**
   * `apply: false` validates and reports, writing nothing; `apply: true` looks up handles if
   * any, then writes every valid row in one transaction.
   */
  backupImport: {
    from: ['options'],
    input: z
      .object({ format: z.enum(['json', 'csv']), text: z.string().max(MAX_IMPORT_CHARS), apply: z.boolean() })
      .strict(),
    output: ImportReport,
  },
  /** "Test": a recent search for the account's own posts, as that account. */
  accountTest: {
    from: ['options'],
    input: z.object({ xUserId }).strict(),
    output: z.object({ query: z.string(), posts: z.array(SearchPost) }),
  },
  /** "Sign in again" with the PIN (after accountAddStart): must be the same X user. */
  accountReauthFinish: {
    from: ['options'],
    input: z
      .object({
        xUserId,
        pin: Pin,
      })
      .strict(),
    output: z.object({ account: AccountSummary, state: ManagerState }),
  },
  /** "Sign in again with X (OAuth 2.0)": switches the account to OAuth 2.0; same X user only. */
  accountReauthOauth2: {
    from: ['options'],
    input: z.object({ xUserId }).strict(),
    output: z.object({ account: AccountSummary, state: ManagerState }),
  },
});
