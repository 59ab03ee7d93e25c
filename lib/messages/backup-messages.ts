import { z } from 'zod';
import { MAX_IMPORT_CHARS } from '../store/backup';
import { defineMessages } from './spec';

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

/** Backup and import of associations and settings. Only the manager may send these. */
export const backupMessages = defineMessages({
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
});
