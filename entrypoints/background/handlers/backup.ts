import { t } from '@/lib/i18n';
import type { backupMessages, ImportReport, ReportRow } from '@/lib/messages/backup-messages';
import { announceSettingsChanged } from '@/lib/messages/settings-changed';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import { actingAccount } from '@/lib/store/accounts';
import {
  BackupFileError,
  classify,
  exportCsv,
  exportJson,
  type ImportPlan,
  type PlannedRow,
  planImport,
  storedAssociations,
  writeImport,
} from '@/lib/store/backup';
import { database } from '@/lib/store/db';
import type { Account, Association } from '@/lib/store/schema';
import { readSettings, type Settings, saveSettings } from '@/lib/store/settings';
import { XError } from '@/lib/x/errors';
import { PRICE_USD } from '@/lib/x/prices';
import { settingsLocked } from '../policy-guard';
import { xService } from '../x-service';

const LIST_CAP = 200;
const REFUSED_CAP = 1000;

const label = (a: Association) => `${a.crm}/${a.tenant}/${a.type}/${a.id}`;
const reportRow = (planned: PlannedRow, before?: Association): ReportRow => ({
  row: planned.row,
  record: label(planned.association),
  handle: planned.association.handle,
  before: before ? `@${before.handle}` : '',
});

function lookupOf(rows: readonly PlannedRow[], account: Account | null): ImportReport['lookup'] {
  const handles = new Set(
    rows.filter((row) => row.needsLookup).map((row) => row.association.handle.toLowerCase()),
  );
  return {
    handles: handles.size,
    calls: Math.ceil(handles.size / 100),
    maxCostUsd: handles.size * PRICE_USD.readUser,
    account: account ? `@${account.handle}` : null,
  };
}

function report(
  plan: ImportPlan,
  classified: ReturnType<typeof classify>,
  refused: ImportPlan['refused'],
  settings: ImportReport['settings'],
  lookup: ImportReport['lookup'],
  applied: boolean,
): ImportReport {
  const sorted = [...refused].sort((a, b) => a.row - b.row);
  return {
    applied,
    format: plan.format,
    total: plan.total,
    added: classified.added.length,
    changed: classified.changed.length,
    unchanged: classified.unchanged.length,
    refusedCount: sorted.length,
    addedRows: classified.added.slice(0, LIST_CAP).map((row) => reportRow(row)),
    changedRows: classified.changed
      .slice(0, LIST_CAP)
      .map(({ planned, before }) => reportRow(planned, before)),
    refused: sorted.slice(0, REFUSED_CAP),
    settings,
    settingsReason: plan.settingsRefused ?? '',
    lookup,
  };
}

function sameSettings(a: Settings, b: Settings) {
  return (
    a.postsFreshMinutes === b.postsFreshMinutes &&
    a.profileFreshHours === b.profileFreshHours &&
    a.dailyBudgetUsd === b.dailyBudgetUsd &&
    [...a.disabledCrms].sort().join() === [...b.disabledCrms].sort().join()
  );
}

/** Backup and import of associations and settings. */
export const backupHandlers: HandlersFor<typeof backupMessages> = {
  async backupExport({ format }) {
    const db = await database();
    const associations = await db.getAll('associations');
    const now = Date.now();
    const stamp = new Date(now).toISOString().slice(0, 10);
    if (format === 'csv') {
      return {
        filename: `x-for-crm-associations-${stamp}.csv`,
        mimeType: 'text/csv',
        text: exportCsv(associations),
      };
    }
    const settings = await readSettings(db);
    return {
      filename: `x-for-crm-backup-${stamp}.json`,
      mimeType: 'application/json',
      text: exportJson(associations, settings, now),
    };
  },

  /**
   * Rows with a handle but no X user id (a CRM export's Twitter column) are looked up at X
   * on import, 100 handles per users/by call, after the preview has said how many calls and
   * at most what they cost. We chose this over storing "pending" associations for the panel
   * to resolve later: the X user id is the identity everywhere else, a pending row would be
   * a second kind of association every reader must handle, and a handle that is not on X
   * is better refused now, in the report, with its row number, than found out on a record.
   * The lookup runs before the write; if it fails (offline, budget) nothing is written.
   */
  async backupImport({ format, text, apply }) {
    const db = await database();
    let plan: ImportPlan;
    try {
      plan = planImport(text, format, Date.now());
    } catch (error) {
      if (error instanceof BackupFileError) throw new HandlerError('import-refused', error.message);
      throw error;
    }
    const settingsNow = await readSettings(db);
    const locked = await settingsLocked();
    let settings: ImportReport['settings'] = 'none';
    if (plan.settingsRefused) settings = 'refused';
    else if (plan.settings && locked) {
      settings = 'refused';
      plan.settingsRefused = t('policyLocked');
    } else if (plan.settings) settings = sameSettings(plan.settings, settingsNow) ? 'unchanged' : 'changed';

    const account = await actingAccount(db);
    // Rows whose record already has that handle need no lookup: they are unchanged.
    const stored = await storedAssociations(db);
    const preview = classify(plan.rows, stored);
    const unchangedRows = new Set(preview.unchanged);
    const toLookUp = plan.rows.filter((row) => row.needsLookup && !unchangedRows.has(row));
    const lookup = lookupOf(toLookUp, account);
    const refused = [...plan.refused];

    if (!apply) return report(plan, preview, refused, settings, lookup, false);

    let rows = plan.rows.filter((row) => !unchangedRows.has(row) || !row.needsLookup);
    if (toLookUp.length > 0) {
      const found = account
        ? await xService.peopleByHandles(
            toLookUp.map((row) => row.association.handle),
            account.xUserId,
          )
        : new Map();
      rows = rows.flatMap((row) => {
        if (!row.needsLookup) return [row];
        const person = found.get(row.association.handle.toLowerCase());
        if (!person) {
          refused.push({
            row: row.row,
            reason: account
              ? t('importHandleNotOnX', `@${row.association.handle}`)
              : t('importNoAccountForLookup'),
          });
          return [];
        }
        return [
          {
            ...row,
            needsLookup: false,
            association: {
              ...row.association,
              xUserId: person.id,
              handle: person.handle,
              byAccount: account?.xUserId ?? null,
            },
          },
        ];
      });
    }
    let written: ReturnType<typeof classify>;
    try {
      written = await writeImport(db, rows);
    } catch (error) {
      if (error instanceof XError || error instanceof HandlerError) throw error;
      console.error('Import failed', error);
      throw new HandlerError('import-failed', t('importFailed'));
    }
    // Settings are written only once the associations are in.
    if (settings === 'changed' && plan.settings) {
      await saveSettings(db, plan.settings);
      await announceSettingsChanged();
    }
    const withSkipped = {
      ...written,
      unchanged: [...written.unchanged, ...preview.unchanged.filter((r) => r.needsLookup)],
    };
    return report(plan, withSkipped, refused, settings, lookup, true);
  },
};
