import { z } from 'zod';
import type { CrmRecordLink, MentionCandidate } from '../store/crm-people';
import type { XSearchPost } from '../x/service';
import { defineMessages } from './spec';

const accountId = z
  .string()
  .regex(/^\d{1,20}$/)
  .nullable()
  .optional();
/** Answers are built by the background from checked data: typed, not parsed again. */
const typed = <T>() => z.custom<T>(() => true);

/** A search result with the CRM record its author is associated with, if any. */
export type SearchResult = XSearchPost & { record: CrmRecordLink | null };

export interface SearchResultPage {
  posts: SearchResult[];
  nextToken: string | null;
}

/** The popup's search of recent posts, and the composer's @-completion from the CRM. */
export const composeMessages = defineMessages({
  /** One page of recent posts for a query in X's syntax (X takes up to 512 characters). */
  postSearch: {
    from: ['popup'],
    input: z
      .object({
        query: z.string().trim().min(1).max(512),
        nextToken: z.string().max(200).nullable().optional(),
        accountId,
      })
      .strict(),
    output: typed<SearchResultPage>(),
  },
  /** People associated with CRM records whose handle or name starts with the prefix; no X call. */
  mentionCandidates: {
    from: ['popup', 'panel'],
    input: z.object({ prefix: z.string().regex(/^[\p{L}\p{N}_]{1,30}$/u) }).strict(),
    output: typed<MentionCandidate[]>(),
  },
});
