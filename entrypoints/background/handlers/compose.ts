import type { composeMessages } from '@/lib/messages/compose-messages';
import type { HandlersFor } from '@/lib/messages/router';
import { mentionCandidates, recordsOfPeople } from '@/lib/store/crm-people';
import { database } from '@/lib/store/db';
import { xService } from '../x-service';

/** The popup's recent-post search, and @-completion from the CRM's associations. */
export const composeHandlers: HandlersFor<typeof composeMessages> = {
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
  async mentionCandidates({ prefix }) {
    return mentionCandidates(await database(), prefix);
  },
};
