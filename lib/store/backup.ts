import type { IDBPDatabase } from 'idb';
import { z } from 'zod';
import { parseCrmRecordUrl } from '../crm/hosts';
import { CRM_IDS, type CrmId, RecordRef, type RecordType, recordKey } from '../crm/record';
import { crmVendors } from '../crm/registry';
import { parseTwitterField } from '../crm/twitter-handle';
import { formatCount, t, tCount } from '../i18n';
import { CsvError, CsvTooManyRecords, readCsv, toCsv, unguardCell } from './csv';
import type { Association, AssociationSource, XCrmDb } from './schema';
import { Settings } from './settings';
import { X_ID_PATTERN } from '../x/ids';

type Db = IDBPDatabase<XCrmDb>;

/**
 * Backup of what the user built up: associations and settings. Never accounts, tokens or
 * the app's keys: every exported field is picked by name below, so a secret added to a
 * stored object later cannot slip into a backup by a spread.
 */
export const BACKUP_FORMAT = 'x-for-crm-backup';
export const BACKUP_VERSION = 1;
/** The largest file the manager reads (and the import message carries). */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export const CSV_COLUMNS = [
  'crm',
  'tenant',
  'record_type',
  'record_id',
  'record_url',
  'x_user_id',
  'handle',
  'source',
  'created_at',
] as const;

const SOURCES: readonly AssociationSource[] = ['search', 'handle', 'crm-field', 'import'];

/** A backup's settings pass the same checks as the manager's. */
const SettingsSchema = Settings;

/** Only the settings' known fields, by name. */
function pickSettings(settings: Settings): Settings {
  const { disabledCrms, postsFreshMinutes, profileFreshHours, dailyBudgetUsd } = settings;
  return { disabledCrms: [...disabledCrms], postsFreshMinutes, profileFreshHours, dailyBudgetUsd };
}

function pickAssociation(a: Association) {
  return {
    crm: a.crm,
    tenant: a.tenant,
    type: a.type,
    id: a.id,
    xUserId: a.xUserId,
    handle: a.handle,
    source: a.source,
    createdAt: a.createdAt,
    byAccount: a.byAccount,
  };
}

const byKey = (a: Association, b: Association) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The JSON backup: a format tag and version, the settings and every association. */
export function exportJson(associations: readonly Association[], settings: Settings, now: number): string {
  return JSON.stringify(
    {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      settings: pickSettings(settings),
      associations: [...associations].sort(byKey).map(pickAssociation),
    },
    null,
    2,
  );
}

/**
 * The associations as CSV. record_url stays empty: an association keeps the record's key,
 * not the address it was seen at (an address can name more than the key: an org, a tab).
 */
export function exportCsv(associations: readonly Association[]): string {
  return toCsv([
    [...CSV_COLUMNS],
    ...[...associations]
      .sort(byKey)
      .map((a) => [
        a.crm,
        a.tenant,
        a.type,
        a.id,
        '',
        a.xUserId,
        a.handle,
        a.source,
        new Date(a.createdAt).toISOString(),
      ]),
  ]);
}

/* ------------------------------------------------------------------ import */

/** A row as read from either format, every value as text, before validation. */
interface RawRow {
  crm?: string;
  tenant?: string;
  type?: string;
  id?: string;
  url?: string;
  xUserId?: string;
  handle?: string;
  source?: string;
  createdAt?: string;
  byAccount?: string | null;
}

/** A valid row: the association to store, or one whose X user id is still to be looked up. */
export interface PlannedRow {
  row: number;
  association: Association;
  /** True when the file had a handle but no X user id: it needs a lookup at X first. */
  needsLookup: boolean;
}

export interface Refusal {
  row: number;
  reason: string;
}

export interface ImportPlan {
  format: 'json' | 'csv';
  /** Data rows in the file. */
  total: number;
  rows: PlannedRow[];
  refused: Refusal[];
  /** Settings from a JSON backup, already validated; null when the file has none. */
  settings: Settings | null;
  /** Why the file's settings were refused, if they were. */
  settingsRefused: string | null;
}

/** A whole file refused: nothing in it is imported. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

const TYPE_ALIASES: Record<string, RecordType> = {
  lead: 'lead',
  leads: 'lead',
  contact: 'contact',
  contacts: 'contact',
  company: 'company',
  companies: 'company',
  account: 'company',
  accounts: 'company',
};

/** Column names as people write them, folded: "Record URL", "record_url" and "recordUrl" are one. */
const fold = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const COMMON_HEADER_ALIASES: Record<string, keyof RawRow> = {
  crm: 'crm',
  tenant: 'tenant',
  recordtype: 'type',
  type: 'type',
  module: 'type',
  recordid: 'id',
  id: 'id',
  recordurl: 'url',
  url: 'url',
  link: 'url',
  recordlink: 'url',
  xuserid: 'xUserId',
  twitterid: 'xUserId',
  twitteruserid: 'xUserId',
  handle: 'handle',
  twitter: 'handle',
  twitterhandle: 'handle',
  twitterurl: 'handle',
  twitterprofile: 'handle',
  x: 'handle',
  xhandle: 'handle',
  xusername: 'handle',
  xtwitter: 'handle',
  source: 'source',
  createdat: 'createdAt',
};

/** The columns above, and each CRM's own handle columns as its exports name them. */
const HEADER_ALIASES: Record<string, keyof RawRow> = {
  ...Object.fromEntries(
    crmVendors.flatMap((vendor) => vendor.exportColumns.handles.map((name) => [fold(name), 'handle'])),
  ),
  ...COMMON_HEADER_ALIASES,
};

/**
 * Id columns that also say the record type, as each CRM's exports name them (the registry's
 * `exportColumns.recordIds`), and "Company ID" as spreadsheets write it. A type column, when
 * there is one, still wins.
 */
const IMPLIED_TYPES: Record<string, RecordType> = {
  ...Object.fromEntries(
    crmVendors.flatMap((vendor) =>
      Object.entries(vendor.exportColumns.recordIds).map(([name, type]) => [fold(name), type]),
    ),
  ),
  companyid: 'company',
};

const vendorOf = (crm: string) => crmVendors.find((vendor) => vendor.id === crm);

/**
 * A record id in the one form its key uses, as the CRM's URL reader folds it (the registry's
 * `canonicalRecordId`). An id that is not valid for its CRM is kept as written, so the row is
 * refused or kept as the file says.
 */
function canonicalId(crm: string, id: string): string {
  return vendorOf(crm)?.canonicalRecordId?.(id) ?? id;
}

/** Today's tenant for one an earlier version or an export wrote (the registry's `tenantFromImport`). */
function importedTenant(crm: string, tenant: string): string {
  return vendorOf(crm)?.tenantFromImport?.(tenant) ?? tenant;
}

/** Validates one row into an association, or says why not. */
function validateRow(
  raw: RawRow,
  now: number,
): { ok: true; association: Association; needsLookup: boolean } | { ok: false; reason: string } {
  const text = (value: string | undefined) => unguardCell((value ?? '').trim());
  let ref: RecordRef | undefined;
  const crm = text(raw.crm).toLowerCase();
  const id = text(raw.id);
  const url = text(raw.url);
  if (crm && !(CRM_IDS as readonly string[]).includes(crm))
    return { ok: false, reason: t('importUnknownCrm', crm) };
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    ref = parsed && parseCrmRecordUrl(parsed);
    if (!ref) return { ok: false, reason: t('importNotARecordUrl', url.slice(0, 200)) };
  } else if (crm || id || text(raw.tenant) || text(raw.type)) {
    const type = TYPE_ALIASES[text(raw.type).toLowerCase()];
    if (!type) return { ok: false, reason: t('importBadRecordType', text(raw.type).slice(0, 50)) };
    const tenant = importedTenant(crm, text(raw.tenant));
    const parsed = RecordRef.safeParse({ crm: crm as CrmId, tenant, type, id: canonicalId(crm, id) });
    if (!parsed.success) return { ok: false, reason: t('importNoRecord') };
    ref = parsed.data;
  } else {
    return { ok: false, reason: t('importNoRecord') };
  }

  const xUserId = text(raw.xUserId);
  if (xUserId && !X_ID_PATTERN.test(xUserId))
    return { ok: false, reason: t('importBadXUserId', xUserId.slice(0, 50)) };
  const field = parseTwitterField(text(raw.handle));
  if (field.kind === 'invalid') return { ok: false, reason: t('importBadHandle', field.raw.slice(0, 100)) };
  if (field.kind === 'empty') return { ok: false, reason: t('importNoHandle') };

  const sourceText = text(raw.source);
  const source = (SOURCES as readonly string[]).includes(sourceText)
    ? (sourceText as AssociationSource)
    : null;
  if (sourceText && !source) return { ok: false, reason: t('importBadSource', sourceText.slice(0, 50)) };

  let createdAt = now;
  const created = text(raw.createdAt);
  if (created) {
    const at = /^\d{1,15}$/.test(created) ? Number(created) : Date.parse(created);
    if (!Number.isFinite(at) || at < 0)
      return { ok: false, reason: t('importBadDate', created.slice(0, 50)) };
    createdAt = at;
  }
  const byAccount = raw.byAccount && X_ID_PATTERN.test(raw.byAccount) ? raw.byAccount : null;
  return {
    ok: true,
    needsLookup: !xUserId,
    association: {
      key: recordKey(ref),
      crm: ref.crm,
      tenant: ref.tenant,
      type: ref.type,
      id: ref.id,
      xUserId,
      handle: field.handle,
      source: source ?? 'import',
      createdAt,
      byAccount,
    },
  };
}

/** Rows of a CSV file, header first; the row number is the record's number in the file (header = 1). */
function csvRows(text: string): { row: number; raw: RawRow }[] {
  const rows: { row: number; raw: RawRow }[] = [];
  let columns: (keyof RawRow | undefined)[] | undefined;
  let impliedType: RecordType | undefined;
  try {
    // The header plus at most MAX_IMPORT_ROWS rows are read: parsing stops at the first row
    // beyond, so a file of a million rows is refused having held no more than the cap.
    readCsv(
      text,
      ({ fields }) => {
        if (!columns) {
          columns = fields.map((name) => HEADER_ALIASES[fold(name)] ?? (IMPLIED_TYPES[fold(name)] && 'id'));
          impliedType = fields.map((name) => IMPLIED_TYPES[fold(name)]).find(Boolean);
          const has = (field: keyof RawRow) => columns?.includes(field);
          if (!has('url') && !has('id')) throw new BackupFileError(t('importNoRecordColumn'));
          if (!has('handle') && !has('xUserId')) throw new BackupFileError(t('importNoHandleColumn'));
          return;
        }
        const raw: RawRow = {};
        fields.forEach((value, column) => {
          const field = columns?.[column];
          // The first column of a name wins; a CRM export may have "Twitter" twice.
          if (field && field !== 'byAccount' && raw[field] === undefined) raw[field] = value;
        });
        if (impliedType && !raw.type) raw.type = impliedType;
        rows.push({ row: rows.length + 2, raw });
      },
      MAX_IMPORT_ROWS + 1,
    );
  } catch (error) {
    if (error instanceof CsvError)
      throw new BackupFileError(t('importMalformedCsv', formatCount(error.line)));
    if (error instanceof CsvTooManyRecords)
      throw new BackupFileError(tCount('importTooManyRows', MAX_IMPORT_ROWS));
    throw error;
  }
  if (!columns) throw new BackupFileError(t('importEmptyFile'));
  return rows;
}

const str = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

function jsonRows(text: string): { rows: { row: number; raw: RawRow }[]; settings: unknown } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new BackupFileError(t('importMalformedJson'));
  }
  const file = z
    .object({ format: z.literal(BACKUP_FORMAT), version: z.number(), associations: z.array(z.unknown()) })
    .loose()
    .safeParse(data);
  if (!file.success) throw new BackupFileError(t('importNotABackup'));
  if (file.data.version > BACKUP_VERSION) throw new BackupFileError(t('importNewerVersion'));
  if (file.data.associations.length > MAX_IMPORT_ROWS)
    throw new BackupFileError(tCount('importTooManyRows', MAX_IMPORT_ROWS));
  const rows = file.data.associations.map((entry, index) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const raw: RawRow = {
      crm: str(e.crm),
      tenant: str(e.tenant),
      type: str(e.type),
      id: str(e.id),
      xUserId: str(e.xUserId),
      handle: str(e.handle),
      source: str(e.source),
      createdAt: str(e.createdAt),
      byAccount: str(e.byAccount) ?? null,
    };
    return { row: index + 1, raw };
  });
  return { rows, settings: (data as { settings?: unknown }).settings };
}

/**
 * Reads and validates a whole file, writing nothing. A file that cannot be read at all
 * throws BackupFileError; a bad row is refused with its number and the reason. When one
 * record appears twice, the first row wins and the later ones are refused, naming it.
 */
export function planImport(text: string, format: 'json' | 'csv', now: number): ImportPlan {
  if (text.length > MAX_IMPORT_CHARS) throw new BackupFileError(t('importTooLarge'));
  const { rows, settings } = format === 'csv' ? { rows: csvRows(text), settings: undefined } : jsonRows(text);
  const plan: ImportPlan = {
    format,
    total: rows.length,
    rows: [],
    refused: [],
    settings: null,
    settingsRefused: null,
  };
  const firstRow = new Map<string, number>();
  for (const { row, raw } of rows) {
    const result = validateRow(raw, now);
    if (!result.ok) {
      plan.refused.push({ row, reason: result.reason });
      continue;
    }
    const earlier = firstRow.get(result.association.key);
    if (earlier !== undefined) {
      plan.refused.push({ row, reason: t('importDuplicate', formatCount(earlier)) });
      continue;
    }
    firstRow.set(result.association.key, row);
    plan.rows.push({ row, association: result.association, needsLookup: result.needsLookup });
  }
  if (settings !== undefined) {
    const parsed = SettingsSchema.safeParse(settings);
    if (parsed.success) plan.settings = parsed.data;
    else plan.settingsRefused = t('importBadSettings');
  }
  return plan;
}

export interface Classified {
  added: PlannedRow[];
  changed: { planned: PlannedRow; before: Association }[];
  unchanged: PlannedRow[];
}

/**
 * Sorts valid rows against what is stored. A row whose X user id is still unknown counts as
 * unchanged when the stored association already has that handle (no lookup needed then).
 */
export function classify(rows: readonly PlannedRow[], stored: ReadonlyMap<string, Association>): Classified {
  const out: Classified = { added: [], changed: [], unchanged: [] };
  for (const planned of rows) {
    const before = stored.get(planned.association.key);
    const next = planned.association;
    if (!before) out.added.push(planned);
    else if (
      before.handle.toLowerCase() === next.handle.toLowerCase() &&
      (planned.needsLookup || before.xUserId === next.xUserId)
    )
      out.unchanged.push(planned);
    else out.changed.push({ planned, before });
  }
  return out;
}

/** Every stored association by key. */
export async function storedAssociations(db: Db): Promise<Map<string, Association>> {
  return new Map((await db.getAll('associations')).map((a) => [a.key, a]));
}

/**
 * Writes the rows in one transaction: all of them or, on any failure, none. Rows are
 * classified again inside it, against what is stored at that moment; unchanged rows are
 * not written. Rows still needing a lookup must have been resolved (or dropped) before.
 */
export async function writeImport(db: Db, rows: readonly PlannedRow[]): Promise<Classified> {
  if (rows.some((row) => row.needsLookup)) throw new Error('unresolved handles');
  const tx = db.transaction('associations', 'readwrite');
  try {
    const stored = new Map((await tx.store.getAll()).map((a) => [a.key, a]));
    const result = classify(rows, stored);
    // Every put is queued before any is awaited, in the one transaction; a put that throws
    // (even synchronously) aborts it, and IndexedDB then keeps none of them.
    const writes: Promise<unknown>[] = [];
    for (const planned of [...result.added, ...result.changed.map((change) => change.planned)]) {
      const write = tx.store.put(planned.association);
      // Handled below through Promise.all, or ignored when a later put aborts first.
      write.catch(() => undefined);
      writes.push(write);
    }
    await Promise.all([...writes, tx.done]);
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    // Let the abort settle so that nothing of this transaction is left pending.
    await tx.done.catch(() => undefined);
    throw error;
  }
}
