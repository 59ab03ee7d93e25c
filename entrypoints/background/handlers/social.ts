import { t, tCount } from '@/lib/i18n';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import type { CrmPlace, socialMessages } from '@/lib/messages/social-messages';
import { listAccounts, summarize } from '@/lib/store/accounts';
import { database } from '@/lib/store/db';
import { permissionsOf, readPolicy } from '@/lib/store/policy';
import { listSocialItems } from '@/lib/store/social';
import { readSocialSettings, updateSocialSettings } from '@/lib/store/social-settings';
import { quoteSocialRefresh, scheduleDailyUsd } from '@/lib/x/social-refresh';
import { outbox } from '../outbox';
import {
  clearSocialBadge,
  refreshSocialNow,
  scheduleSocialRefresh,
  socialScheduleLimit,
} from '../social-schedule';
import { xService } from '../x-service';

/** The organisation's policy may switch the Social view off; then nothing of it runs. */
async function requireSocialView(): Promise<void> {
  if ((await readPolicy()).socialView === false) throw new HandlerError('policy-forbidden', t('socialOff'));
}

/** A stored item by its post id: the side panel acts only on posts the view holds. */
async function itemOf(key: string) {
  const item = await (await database()).get('socialItems', key);
  if (!item) throw new HandlerError('social-unknown-item', t('socialUnknownItem'));
  return item;
}

/** The CRM accounts the associations come from, each with one https record page. */
async function crmPlaces(): Promise<CrmPlace[]> {
  const places = new Map<string, CrmPlace>();
  for (const association of await (await database()).getAll('associations')) {
    const key = `${association.crm}/${association.tenant}`;
    if (places.has(key) || !association.url || !/^https:\/\//i.test(association.url)) continue;
    places.set(key, { crm: association.crm, tenant: association.tenant, url: association.url });
  }
  return [...places.values()];
}

export const socialHandlers: HandlersFor<typeof socialMessages> = {
  async socialView() {
    const db = await database();
    const policy = await readPolicy();
    const settings = await readSocialSettings(db);
    const accounts = (await listAccounts(db)).filter((account) => account.enabled).map(summarize);
    const limit = await socialScheduleLimit();
    const allowed = policy.socialView !== false;
    const items = allowed ? await listSocialItems(db) : [];
    const dailyUsd =
      allowed && settings.scheduleHours
        ? await scheduleDailyUsd(db, settings.scheduleHours, Date.now())
        : null;
    // The rep is looking: the badge's count of new items has been seen.
    await clearSocialBadge();
    return {
      allowed,
      items,
      lastFoundAt: items.reduce<number | null>((latest, item) => Math.max(latest ?? 0, item.foundAt), null),
      accounts,
      permissions: permissionsOf(policy),
      keywords: settings.keywords,
      scheduleHours: settings.scheduleHours,
      scheduleMinHours: limit,
      scheduleDailyUsd: dailyUsd,
      crmPlaces: allowed ? await crmPlaces() : [],
    };
  },

  async socialQuote({ accountId }) {
    await requireSocialView();
    return quoteSocialRefresh(await database(), { accountId }, Date.now(), xService);
  },

  async socialRefresh({ accountId }) {
    await requireSocialView();
    const result = await refreshSocialNow({ accountId });
    return { added: result.added.length, costUsd: result.costUsd, more: result.more, left: result.left };
  },

  async socialReply({ itemKey, text }) {
    await requireSocialView();
    const item = await itemOf(itemKey);
    return outbox.send({ text, replyToPostId: item.post.id, accountId: item.accountId, draftId: null });
  },

  async socialLike({ itemKey, undo }) {
    await requireSocialView();
    const item = await itemOf(itemKey);
    await xService.like(item.post.id, undo, item.accountId);
    return { liked: !undo };
  },

  async socialRepost({ itemKey, undo }) {
    await requireSocialView();
    const item = await itemOf(itemKey);
    await xService.repost(item.post.id, undo, item.accountId);
    return { reposted: !undo };
  },

  async socialKeywordsSave({ keywords }) {
    await requireSocialView();
    return (await updateSocialSettings(await database(), { keywords })).keywords;
  },

  async socialScheduleSave({ hours }) {
    await requireSocialView();
    const least = await socialScheduleLimit();
    if (hours !== null && least !== null && (least === 0 || hours < least)) {
      throw new HandlerError(
        'policy-forbidden',
        least === 0 ? t('socialScheduleForbidden') : tCount('socialScheduleCapped', least),
      );
    }
    let saved: number | null;
    try {
      saved = (await updateSocialSettings(await database(), { scheduleHours: hours })).scheduleHours;
    } catch {
      throw new HandlerError('invalid-input', t('socialScheduleInvalid'));
    }
    await scheduleSocialRefresh(saved);
    return { hours: saved };
  },
};
