import { t } from '@/lib/i18n';
import type { postMessages } from '@/lib/messages/post-messages';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import { recordsOfPeople } from '@/lib/store/crm-people';
import { database } from '@/lib/store/db';
import { measurePost } from '@/lib/x/post-length';
import { outbox } from '../outbox';
import { xService } from '../x-service';

/** A person's recent posts, posting through the outbox, likes, reposts and recent search. */
export const postHandlers: HandlersFor<typeof postMessages> = {
  async personPosts({ xUserId, accountId }) {
    return xService.recentPosts(xUserId, accountId);
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

  async postLike({ postId, undo, accountId }) {
    await xService.like(postId, undo, accountId);
    return { liked: !undo };
  },

  async postRepost({ postId, undo, accountId }) {
    await xService.repost(postId, undo, accountId);
    return { reposted: !undo };
  },

  async postSearch({ query, nextToken, accountId }) {
    const page = await xService.searchRecent(query, nextToken ?? null, accountId);
    const records = await recordsOfPeople(
      await database(),
      page.posts.map((post) => post.authorId),
    );
    return {
      nextToken: page.nextToken,
      posts: page.posts.map((post) => ({ ...post, record: records.get(post.authorId) ?? null })),
    };
  },
};
