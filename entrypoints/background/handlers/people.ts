import { browser } from 'wxt/browser';
import { parseTwitterField } from '@/lib/crm/twitter-handle';
import { t } from '@/lib/i18n';
import type { peopleMessages } from '@/lib/messages/people-messages';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import { getAssociation } from '@/lib/store/associations';
import { mentionCandidates } from '@/lib/store/crm-people';
import { database } from '@/lib/store/db';
import { getTabRecord } from '@/lib/store/tab-records';
import { rankPeople } from '@/lib/x/match';
import { foldNameForSearch, originalAvatarUrl } from '@/lib/x/people';
import { peopleSearchPagePrice } from '@/lib/x/prices';
import { xService } from '../x-service';
import { recordOf, tabOf } from './record';

/** Characters no file system takes in a name, and the rest of what could confuse a path. */
const UNSAFE_FILENAME = /[\\/:*?"<>|\p{Cc}]+/gu;

/** "<Full Name> (@handle).<ext>", as the manual's profile photo was named. */
export function photoFilename(fullName: string, handle: string, imageUrl: string): string {
  const extension = /\.(png|jpe?g|gif|webp)$/i.exec(new URL(imageUrl).pathname)?.[1]?.toLowerCase() ?? 'jpg';
  const name = fullName.replace(UNSAFE_FILENAME, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || handle;
  return `${name} (@${handle}).${extension}`;
}

/** Finding people on X for the panel's record, their lists, following them, their photo. */
export const peopleHandlers: HandlersFor<typeof peopleMessages> = {
  async peopleSearch({ nextToken, accountId }, context) {
    const record = await recordOf(context);
    const query = foldNameForSearch(record.fullName);
    if (!query) throw new HandlerError('name-not-searchable', t('nameNotSearchable'));
    const page = await xService.searchPeople(query, nextToken ?? null, accountId);
    return {
      query,
      results: rankPeople(record, page.people),
      nextToken: page.nextToken,
      priceUsd: peopleSearchPagePrice(page.people.length),
      nextPriceUsd: peopleSearchPagePrice(),
    };
  },

  async personByHandle({ handle, accountId }) {
    const field = parseTwitterField(handle);
    if (field.kind !== 'handle') throw new HandlerError('not-a-handle', t('notAHandle'));
    const person = await xService.personByHandle(field.handle, accountId);
    if (!person) throw new HandlerError('handle-not-found', t('handleNotFound', `@${field.handle}`));
    return person;
  },

  async peoplePage({ xUserId, list, token, accountId }) {
    return xService.peoplePage(xUserId, list, token ?? null, accountId);
  },

  async personFollow({ xUserId, follow, accountId }) {
    await (follow ? xService.follow(xUserId, accountId) : xService.unfollow(xUserId, accountId));
    return { following: follow };
  },

  async savePhoto({ xUserId }, context) {
    const record = await getTabRecord(tabOf(context));
    const association = record && (await getAssociation(await database(), record));
    // Only the person associated with the panel's record: the panel cannot name any URL.
    if (!record || association?.xUserId !== xUserId)
      throw new HandlerError('not-associated', t('photoNotAssociated'));
    const person = await xService.personById(xUserId);
    if (!person?.avatarUrl) throw new HandlerError('no-photo', t('photoMissing'));
    const url = originalAvatarUrl(person.avatarUrl);
    const filename = photoFilename(record.fullName, person.handle, url);
    await browser.downloads.download({ url, filename, saveAs: false });
    return { filename };
  },

  async mentionCandidates({ prefix }) {
    return mentionCandidates(await database(), prefix);
  },
};
