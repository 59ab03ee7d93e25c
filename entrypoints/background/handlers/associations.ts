import { t } from '@/lib/i18n';
import type { CrmRecord } from '@/lib/crm/record';
import { parseTwitterField } from '@/lib/crm/twitter-handle';
import type { associationMessages, PanelView } from '@/lib/messages/association-messages';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import { actingAccount } from '@/lib/store/accounts';
import { deleteAssociation, getAssociation, putAssociation } from '@/lib/store/associations';
import { database } from '@/lib/store/db';
import { fieldDecision } from '@/lib/store/field-association';
import type { Association, AssociationSource } from '@/lib/store/schema';
import { getTabRecord } from '@/lib/store/tab-records';
import { toXError, XError } from '@/lib/x/errors';
import type { XPerson } from '@/lib/x/people';
import { xService } from '../x-service';
import { recordOf, tabOf } from './record';

/**
 * Stores the association of `record` with `person` as X answered them, made by `source`
 * while acting as `accountId` (the chosen account, else the default), and answers it as stored.
 */
async function associate(
  record: CrmRecord,
  person: XPerson,
  source: AssociationSource,
  accountId: string | null | undefined,
): Promise<Association> {
  const db = await database();
  return putAssociation(db, {
    crm: record.crm,
    tenant: record.tenant,
    type: record.type,
    id: record.id,
    xUserId: person.id,
    handle: person.handle,
    source,
    createdAt: Date.now(),
    byAccount: (await actingAccount(db, accountId))?.xUserId ?? null,
    // What the popup shows of the record beside its person: name, company and the record's page.
    recordName: record.fullName,
    ...(record.company ? { company: record.company } : {}),
    url: record.url,
  });
}

/**
 * The record's association and X person, read as `accountId`. The CRM's Twitter field leads
 * (fieldDecision). `known`: the association just written, so it is not read back.
 */
async function buildView(
  record: CrmRecord | null,
  accountId: string | null | undefined,
  known?: Association,
): Promise<PanelView> {
  const field = parseTwitterField(record?.twitterField ?? '');
  const view: PanelView = { record, field, association: null, person: null, problem: null };
  if (!record) return view;
  const db = await database();
  let association = known ?? (await getAssociation(db, record));
  try {
    const decision = known ? { kind: 'keep' as const } : fieldDecision(field, association);
    if (decision.kind === 'drop') {
      await deleteAssociation(db, record);
      association = null;
    } else if (decision.kind === 'associate') {
      const person = await xService.personByHandle(decision.handle, accountId);
      if (!person) throw new XError('refused', t('fieldHandleNotOnX', `@${decision.handle}`));
      association = await associate(record, person, 'crm-field', accountId);
    }
    // The person found by handle above, or handed out by a search, is in the cache under their id;
    // a cold one comes with their posts, which the panel shows next, in one round trip.
    if (association) view.person = await xService.personForView(association.xUserId, accountId);
  } catch (error) {
    const problem = toXError(error);
    view.problem = { code: problem.code, message: problem.message };
  }
  view.association = associationShown(association, view.person);
  return view;
}

function associationShown(association: Association | null, person: XPerson | null): PanelView['association'] {
  return (
    association && {
      xUserId: association.xUserId,
      handle: person?.handle ?? association.handle,
      source: association.source,
      createdAt: association.createdAt,
    }
  );
}

/**
 * The view buildView would make, when it needs no call to X and no change: the record's
 * association kept as it is, and its person fresh in the cache. Null otherwise.
 */
async function warmView(record: CrmRecord | null): Promise<PanelView | null> {
  if (!record) return null;
  const field = parseTwitterField(record.twitterField ?? '');
  const association = await getAssociation(await database(), record);
  if (fieldDecision(field, association).kind !== 'keep') return null;
  if (!association) return { record, field, association: null, person: null, problem: null };
  const person = await xService.personIfFresh(association.xUserId);
  if (!person) return null;
  return { record, field, association: associationShown(association, person), person, problem: null };
}

/** The association of the panel's record with an X person. */
export const associationHandlers: HandlersFor<typeof associationMessages> = {
  async panelView({ accountId }, context) {
    return buildView(await getTabRecord(tabOf(context)), accountId);
  },

  async panelViewIfWarm(_input, context) {
    return warmView(await getTabRecord(tabOf(context)));
  },

  /**
   * By X user id: the person is the one the worker handed out (a search page or a handle
   * lookup, kept in the cache under their id), so associating asks X nothing more within the
   * profile window, and the handle stored is X's, not the page's.
   */
  async associate({ xUserId, source, accountId }, context) {
    const record = await recordOf(context);
    const person = await xService.personById(xUserId, accountId);
    if (!person) throw new HandlerError('person-not-found', t('personNotFound'));
    return buildView(record, accountId, await associate(record, person, source, accountId));
  },

  async disassociate({ accountId }, context) {
    const record = await recordOf(context);
    await deleteAssociation(await database(), record);
    return buildView(record, accountId);
  },
};
