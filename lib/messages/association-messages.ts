import { z } from 'zod';
import type { CrmRecord } from '../crm/record';
import type { TwitterField } from '../crm/twitter-handle';
import type { XPerson } from '../x/answer-types';
import { actingAccountId, xUserId } from './fields';
import { defineMessages, typed } from './spec';

/** The record of the panel's tab, its association and the X person associated. */
export interface PanelView {
  record: CrmRecord | null;
  /** What the CRM's Twitter field holds. */
  field: TwitterField;
  association: { xUserId: string; handle: string; source: string; createdAt: number } | null;
  person: XPerson | null;
  /** Why the person could not be shown or the field could not be used, if so. */
  problem: { code: string; message: string } | null;
}

/**
 * The association of the panel's record with an X person, always about the record of the tab
 * the panel sits in. `accountId` is the account the panel acts as: X is read as that account,
 * and an association records it.
 */
export const associationMessages = defineMessages({
  panelView: {
    from: ['panel'],
    input: z.object({ accountId: actingAccountId }).strict(),
    output: typed<PanelView>(),
  },
  /**
   * The panel's view when the worker can make it from what it holds, without reading X or
   * changing anything (a record whose Twitter field asks for a change, or a person not fresh
   * in the cache, answer null): a panel loaded ahead of the click may ask for it, and shows
   * the person at once when clicked.
   */
  panelViewIfWarm: {
    from: ['panel'],
    input: z.object({}).strict(),
    output: typed<PanelView | null>(),
  },
  /**
   * Associates the person with this X user id, as the worker last handed them out (a search
   * or handle lookup): their handle is X's, never the page's.
   */
  associate: {
    from: ['panel'],
    input: z.object({ xUserId, source: z.enum(['search', 'handle']), accountId: actingAccountId }).strict(),
    output: typed<PanelView>(),
  },
  disassociate: {
    from: ['panel'],
    input: z.object({ accountId: actingAccountId }).strict(),
    output: typed<PanelView>(),
  },
});
