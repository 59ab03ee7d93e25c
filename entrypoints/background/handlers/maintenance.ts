import { t } from '@/lib/i18n';
import type {
  ImportReport,
  maintenanceMessages,
  ReportRow,
  UsageReport,
} from '@/lib/messages/maintenance-messages';
import { type HandlerContext, HandlerError, type HandlersFor } from '@/lib/messages/router';
import { actingAccount, listAccounts, summarize, writeAccount } from '@/lib/store/accounts';
import { effectiveAppKeys } from '@/lib/store/app-keys';
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
import { permissionsOf, readPolicy } from '@/lib/store/policy';
import type { Account, Association } from '@/lib/store/schema';
import { announceSettingsChanged } from '@/lib/messages/settings-changed';
import { readSettings, type Settings, saveSettings, updateSettings } from '@/lib/store/settings';
import { pkceSignIn } from '@/lib/x/auth/pkce-sign-in';
import { finishPinSignIn } from '@/lib/x/auth/pin-sign-in';
import { XError } from '@/lib/x/errors';
import { PRICE_USD } from '@/lib/x/prices';
import { postReadsInMonth, usageByDay, utcDay } from '@/lib/x/usage';
import { xService } from '../x-service';
import { managerHandlers, requireAccount } from './manager';

const DAY_MS = 86_400_000;
const LIST_CAP = 200;
const REFUSED_CAP = 1000;

async function usageReport(now = Date.now()): Promise<UsageReport> {
  const db = await database();
  const days = Array.from({ length: 30 }, (_, index) => utcDay(now - (29 - index) * DAY_MS));
  const rows = await usageByDay(db, days);
  const accounts = (await listAccounts(db)).map(({ xUserId, name, handle }) => ({ xUserId, name, handle }));
  const policy = await readPolicy();
  const settings = await readSettings(db);
  const today = utcDay(now);
  return {
    days,
    rows,
    accounts,
    budgetUsd: policy.dailyBudgetUsd ?? settings.dailyBudgetUsd,
    // Set by the organisation, or locked with the other settings.
    budgetFromPolicy: policy.dailyBudgetUsd !== undefined || permissionsOf(policy).locked,
    todayUsd: rows.filter((row) => row.day === today).reduce((sum, row) => sum + row.costUsd, 0),
    monthPostReads: await postReadsInMonth(db, now),
  };
}

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

/** Stores new tokens for an existing account; the admin's name and choices are kept. */
async function replaceTokens(expected: Account, signedIn: Account, context: HandlerContext) {
  if (signedIn.xUserId !== expected.xUserId) {
    // The tokens X just issued are for someone else: they are not stored.
    throw new HandlerError('other-user', t('reauthOtherUser', `@${signedIn.handle}`, `@${expected.handle}`));
  }
  // The admin's name and choices as they are now, not as they were when the sign-in began.
  const kept = await writeAccount(
    await database(),
    expected.xUserId,
    (current) =>
      current && {
        ...signedIn,
        name: current.name,
        enabled: current.enabled,
        isDefault: current.isDefault,
        needsSignIn: false,
      },
  );
  if (!kept) throw new HandlerError('refused', t('accountUnknown'));
  return { account: summarize(kept), state: await managerHandlers.managerState({}, context) };
}

export const maintenanceHandlers: HandlersFor<typeof maintenanceMessages> = {
  usageReport: () => usageReport(),

  async budgetSave({ dailyBudgetUsd }) {
    const policy = await readPolicy();
    if (policy.dailyBudgetUsd !== undefined || permissionsOf(policy).locked)
      throw new HandlerError('policy-locked', t('policyLocked'));
    await updateSettings(await database(), { dailyBudgetUsd });
    return usageReport();
  },

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
    const policy = permissionsOf(await readPolicy());
    let settings: ImportReport['settings'] = 'none';
    if (plan.settingsRefused) settings = 'refused';
    else if (plan.settings && policy.locked) {
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

  async accountTest({ xUserId }) {
    const account = await requireAccount(xUserId);
    if (!account.enabled)
      throw new HandlerError('account-disabled', t('accountTestDisabled', `@${account.handle}`));
    const query = `from:${account.handle}`;
    const page = await xService.searchRecent(query, null, account.xUserId);
    return { query, posts: page.posts.slice(0, 10) };
  },

  async accountReauthFinish({ xUserId, pin }, context) {
    const expected = await requireAccount(xUserId);
    const keys = await effectiveAppKeys(await database());
    if (!keys?.consumerKey || !keys.consumerSecret) throw new XError('keys-missing', t('xKeysMissing'));
    return replaceTokens(expected, await finishPinSignIn(keys, pin), context);
  },

  async accountReauthOauth2({ xUserId }, context) {
    const expected = await requireAccount(xUserId);
    const keys = await effectiveAppKeys(await database());
    if (!keys?.clientId) throw new XError('keys-missing', t('oauth2NoClientId'));
    return replaceTokens(expected, await pkceSignIn(keys.clientId, expected.name), context);
  },
};
