import { z } from 'zod';
import type { CrmRecord } from '../crm/record';
import type { TwitterField } from '../crm/twitter-handle';
import type { Permissions } from '../store/policy';
import type { RankedPerson } from '../x/match';
import type { XPerson } from '../x/people';
import type { XPost } from '../x/service';
import { defineMessages } from './spec';

const empty = z.object({}).strict();
const xUserId = z.string().regex(/^\d{1,20}$/);
const handle = z.string().regex(/^[A-Za-z0-9_]{1,15}$/);

/** Answers are built by the background from checked data: typed for the panel, not parsed again. */
const typed = <T>() => z.custom<T>(() => true);

export interface PanelView {
  record: CrmRecord | null;
  /** What the CRM's Twitter field holds. */
  field: TwitterField;
  association: { xUserId: string; handle: string; source: string; createdAt: number } | null;
  person: XPerson | null;
  /** Why the person could not be shown or the field could not be used, if so. */
  problem: { code: string; message: string } | null;
}

/** The record panel's requests, always about the record of the tab the panel sits in. */
export const panelMessages = defineMessages({
  panelView: { from: ['panel'], input: empty, output: typed<PanelView>() },
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
    input: z.object({ handle: z.string().trim().min(1).max(300) }).strict(),
    output: typed<XPerson>(),
  },
  associate: {
    from: ['panel'],
    input: z.object({ xUserId, handle, source: z.enum(['search', 'handle']) }).strict(),
    output: typed<PanelView>(),
  },
  disassociate: { from: ['panel'], input: empty, output: typed<PanelView>() },
  /** What the organisation's policy lets the user do, so pages offer only that. */
  permissions: { from: ['panel', 'popup', 'options'], input: empty, output: typed<Permissions>() },
  personPosts: { from: ['panel'], input: z.object({ xUserId }).strict(), output: typed<XPost[]>() },
});
