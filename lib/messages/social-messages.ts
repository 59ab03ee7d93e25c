import { z } from 'zod';
import type { CrmId } from '../crm/record';
import type { AccountSummary } from '../store/accounts';
import type { Permissions } from '../store/policy';
import type { SocialItem } from '../store/social';
import type { PostOutcome } from '../x/outbox';
import type { SocialQuote } from '../x/social-refresh';
import { defineMessages } from './spec';

const xUserId = z.string().regex(/^\d{1,20}$/);
/** A stored Social view item, named by its post id: the side panel acts only on those. */
const itemKey = z.string().regex(/^\d{1,20}$/);
const typed = <T>() => z.custom<T>(() => true);

/** A CRM the rep works in, with one of its record pages: where "Find in <CRM>" searches. */
export interface CrmPlace {
  crm: CrmId;
  tenant: string;
  /** An https record page of that CRM account, as the content script read it. */
  url: string;
}

/** What the Social view shows. */
export interface SocialView {
  /** False when the organisation's policy switched the Social view off. */
  allowed: boolean;
  items: SocialItem[];
  /** When the newest stored items were found (ms); items found then are marked new. */
  lastFoundAt: number | null;
  accounts: AccountSummary[];
  permissions: Permissions;
  keywords: string[];
  scheduleHours: number | null;
  /** The fewest hours between scheduled refreshes the policy allows, null for no cap. */
  scheduleMinHours: number | null;
  /** What one scheduled refresh may cost at most, times the refreshes a day. */
  scheduleDailyUsd: number | null;
  crmPlaces: CrmPlace[];
}

/** The Social view's requests: what X says to the signed-in accounts and about the CRM's people. */
export const socialMessages = defineMessages({
  socialView: { from: ['sidepanel'], input: z.object({}).strict(), output: typed<SocialView>() },
  /** What a refresh will cost (exactly where X can count), before it runs. `accountId` null: every enabled account. */
  socialQuote: {
    from: ['sidepanel'],
    input: z.object({ accountId: xUserId.nullable() }).strict(),
    output: typed<SocialQuote>(),
  },
  /** Reads what is new since the last look; answers what it added and what it cost. */
  socialRefresh: {
    from: ['sidepanel'],
    input: z.object({ accountId: xUserId.nullable() }).strict(),
    output: z.object({ added: z.number(), costUsd: z.number(), more: z.boolean(), left: z.number() }),
  },
  /** A reply to a stored item's post, as the account it mentioned (news: the default account). */
  socialReply: {
    from: ['sidepanel'],
    input: z.object({ itemKey, text: z.string().min(1).max(2000) }).strict(),
    output: typed<PostOutcome>(),
  },
  socialLike: {
    from: ['sidepanel'],
    input: z.object({ itemKey, undo: z.boolean() }).strict(),
    output: z.object({ liked: z.boolean() }),
  },
  socialRepost: {
    from: ['sidepanel'],
    input: z.object({ itemKey, undo: z.boolean() }).strict(),
    output: z.object({ reposted: z.boolean() }),
  },
  /** The rep's own words to highlight in people's news. */
  socialKeywordsSave: {
    from: ['sidepanel'],
    input: z.object({ keywords: z.array(z.string().trim().min(1).max(40)).max(30) }).strict(),
    output: z.array(z.string()),
  },
  /** Turns the scheduled refresh on (hours between runs) or off (null). */
  socialScheduleSave: {
    from: ['sidepanel'],
    input: z.object({ hours: z.number().int().min(1).max(24).nullable() }).strict(),
    output: z.object({ hours: z.number().nullable() }),
  },
});
