import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { actionMessages } from '@/lib/messages/action-messages';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import { listAccounts, summarize } from '@/lib/store/accounts';
import { getAssociation } from '@/lib/store/associations';
import { database } from '@/lib/store/db';
import { getTabRecord } from '@/lib/store/tab-records';
import { originalAvatarUrl } from '@/lib/x/people';
import { measurePost } from '@/lib/x/post-length';
import { outbox } from '../outbox';
import { xService } from '../x-service';
import { tabOf } from './record';

/** Characters no file system takes in a name, and the rest of what could confuse a path. */
const UNSAFE_FILENAME = /[\\/:*?"<>|\p{Cc}]+/gu;

/** "<Full Name> (@handle).<ext>", as the manual's profile photo was named. */
export function photoFilename(fullName: string, handle: string, imageUrl: string): string {
  const extension = /\.(png|jpe?g|gif|webp)$/i.exec(new URL(imageUrl).pathname)?.[1]?.toLowerCase() ?? 'jpg';
  const name = fullName.replace(UNSAFE_FILENAME, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || handle;
  return `${name} (@${handle}).${extension}`;
}

export const actionHandlers: HandlersFor<typeof actionMessages> = {
  async actingAccounts() {
    return (await listAccounts(await database())).filter((a) => a.enabled).map(summarize);
  },

  async personFollow({ xUserId, follow, accountId }) {
    await (follow ? xService.follow(xUserId, accountId) : xService.unfollow(xUserId, accountId));
    return { following: follow };
  },

  async postLike({ postId, undo, accountId }) {
    await xService.like(postId, undo, accountId);
    return { liked: !undo };
  },

  async postRepost({ postId, undo, accountId }) {
    await xService.repost(postId, undo, accountId);
    return { reposted: !undo };
  },

  async postCreate({ text, replyToPostId, accountId, draftId }) {
    if (!measurePost(text).valid) throw new HandlerError('post-too-long', t('postInvalid'));
    return outbox.send({
      text,
      replyToPostId: replyToPostId ?? null,
      accountId: accountId ?? null,
      draftId: draftId ?? null,
    });
  },

  async peoplePage({ xUserId, list, token, accountId }) {
    return xService.peoplePage(xUserId, list, token ?? null, accountId);
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
};
