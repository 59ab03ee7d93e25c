import { z } from 'zod';
import type { MentionCandidate } from '../store/crm-people';
import type { PeoplePage, XPerson } from '../x/answer-types';
import type { RankedPerson } from '../x/match';
import { actingAccountId, xUserId } from './fields';
import { defineMessages, typed } from './spec';

/** Finding people on X, reading their lists, following them and saving their photo. */
export const peopleMessages = defineMessages({
  /**
   * One page of the people X finds by the record's full name, ranked by what the CRM knows:
   * the first without `nextToken`, the next with the token the page before gave. `priceUsd`
   * is the most the page cost; `nextPriceUsd` the most the next one will.
   */
  peopleSearch: {
    from: ['panel'],
    input: z
      .object({
        nextToken: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,200}$/)
          .optional(),
        accountId: actingAccountId,
      })
      .strict(),
    output: typed<{
      query: string;
      results: RankedPerson[];
      nextToken: string | null;
      priceUsd: number;
      nextPriceUsd: number;
    }>(),
  },
  /** "Do you know their X handle?": @handle, handle or profile URL. */
  personByHandle: {
    from: ['panel', 'popup'],
    input: z.object({ handle: z.string().trim().min(1).max(300), accountId: actingAccountId }).strict(),
    output: typed<XPerson>(),
  },
  /** One page of followers or following, loaded only on request (each person is a billed read). */
  peoplePage: {
    from: ['panel'],
    input: z
      .object({
        xUserId,
        list: z.enum(['followers', 'following']),
        token: z.string().max(200).nullable().optional(),
        accountId: actingAccountId,
      })
      .strict(),
    output: typed<PeoplePage>(),
  },
  personFollow: {
    from: ['panel'],
    input: z.object({ xUserId, follow: z.boolean(), accountId: actingAccountId }).strict(),
    output: z.object({ following: z.boolean() }),
  },
  /** Saves the person's original-size profile photo through the browser's downloads. */
  savePhoto: {
    from: ['panel'],
    input: z.object({ xUserId }).strict(),
    output: z.object({ filename: z.string() }),
  },
  /** People associated with CRM records whose handle or name starts with the prefix; no X call. */
  mentionCandidates: {
    from: ['popup', 'panel'],
    input: z.object({ prefix: z.string().regex(/^[\p{L}\p{N}_]{1,30}$/u) }).strict(),
    output: typed<MentionCandidate[]>(),
  },
});
