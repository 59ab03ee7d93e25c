import { t } from '@/lib/i18n';
import type { CrmRecord } from '@/lib/crm/record';
import { parseTwitterField } from '@/lib/crm/twitter-handle';
import type { PanelView, panelMessages } from '@/lib/messages/panel-messages';
import { type HandlerContext, HandlerError, type HandlersFor } from '@/lib/messages/router';
import { actingAccount } from '@/lib/store/accounts';
import { deleteAssociation, getAssociation, putAssociation } from '@/lib/store/associations';
import { database } from '@/lib/store/db';
import { permissionsOf, readPolicy } from '@/lib/store/policy';
import { getTabRecord } from '@/lib/store/tab-records';
import { toXError, XError } from '@/lib/x/errors';
import { rankPeople } from '@/lib/x/match';
import { foldNameForSearch } from '@/lib/x/people';
import { peopleSearchPagePrice } from '@/lib/x/prices';
import { xService } from '../x-service';
import { tabOf } from './record';

async function recordOf(context: HandlerContext): Promise<CrmRecord> {
  const record = await getTabRecord(tabOf(context));
  if (!record) throw new HandlerError('no-record', t('panelNoRecord'));
  return record;
}

/** What the popup shows of the record beside its person: name, company and the record's page. */
function recordLabel(record: CrmRecord) {
  return {
    recordName: record.fullName,
    ...(record.company ? { company: record.company } : {}),
    url: record.url,
  };
}

async function actingId(): Promise<string | null> {
  return (await actingAccount(await database()))?.xUserId ?? null;
}

/**
 * The record's association and X person. The CRM's Twitter field leads, as in Zoho: a valid
 * handle there is associated without asking, and emptying the field removes that association.
 */
async function buildView(record: CrmRecord | null): Promise<PanelView> {
  const field = parseTwitterField(record?.twitterField ?? '');
  const view: PanelView = { record, field, association: null, person: null, problem: null };
  if (!record) return view;
  const db = await database();
  let association = await getAssociation(db, record);
  try {
    if (field.kind === 'empty' && association?.source === 'crm-field') {
      await deleteAssociation(db, record);
      association = null;
    }
    const fieldDiffers =
      field.kind === 'handle' && association?.handle.toLowerCase() !== field.handle.toLowerCase();
    if (fieldDiffers && (!association || association.source === 'crm-field')) {
      const person = await xService.personByHandle(field.handle);
      if (!person) throw new XError('refused', t('fieldHandleNotOnX', `@${field.handle}`));
      association = await putAssociation(db, {
        crm: record.crm,
        tenant: record.tenant,
        type: record.type,
        id: record.id,
        xUserId: person.id,
        handle: person.handle,
        source: 'crm-field',
        createdAt: Date.now(),
        byAccount: await actingId(),
        ...recordLabel(record),
      });
    }
    // One round trip when cold: the person comes with their posts, which the panel shows next.
    if (association) view.person = await xService.personForView(association.xUserId);
  } catch (error) {
    const problem = toXError(error);
    view.problem = { code: problem.code, message: problem.message };
  }
  view.association = association && {
    xUserId: association.xUserId,
    handle: view.person?.handle ?? association.handle,
    source: association.source,
    createdAt: association.createdAt,
  };
  return view;
}

export const panelHandlers: HandlersFor<typeof panelMessages> = {
  async panelView(_input, context) {
    return buildView(await getTabRecord(tabOf(context)));
  },

  async peopleSearch({ nextToken }, context) {
    const record = await recordOf(context);
    const query = foldNameForSearch(record.fullName);
    if (!query) throw new HandlerError('name-not-searchable', t('nameNotSearchable'));
    const page = await xService.searchPeople(query, nextToken ?? null);
    return {
      query,
      results: rankPeople(record, page.people),
      nextToken: page.nextToken,
      priceUsd: peopleSearchPagePrice(page.people.length),
      nextPriceUsd: peopleSearchPagePrice(),
    };
  },

  async personByHandle({ handle }) {
    const field = parseTwitterField(handle);
    if (field.kind !== 'handle') throw new HandlerError('not-a-handle', t('notAHandle'));
    const person = await xService.personByHandle(field.handle);
    if (!person) throw new HandlerError('handle-not-found', t('handleNotFound', `@${field.handle}`));
    return person;
  },

  async associate({ xUserId, handle, source }, context) {
    const record = await recordOf(context);
    await putAssociation(await database(), {
      crm: record.crm,
      tenant: record.tenant,
      type: record.type,
      id: record.id,
      xUserId,
      handle,
      source,
      createdAt: Date.now(),
      byAccount: await actingId(),
      ...recordLabel(record),
    });
    return buildView(record);
  },

  async disassociate(_input, context) {
    const record = await recordOf(context);
    await deleteAssociation(await database(), record);
    return buildView(record);
  },

  async permissions() {
    return permissionsOf(await readPolicy());
  },

  async personPosts({ xUserId }) {
    return xService.recentPosts(xUserId);
  },
};
