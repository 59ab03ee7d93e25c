import { z } from 'zod';
import { CrmRecord } from '../crm/record';
import { PANEL_TOKEN_PATTERN } from './panel-token';
import { defineMessages } from './spec';

/** A content script's moment of decision: its document's timeOrigin + now(), in ms since the epoch. */
const DecidedAt = z.number().finite().nonnegative();

/** Messages about the record a CRM tab shows. */
export const recordMessages = defineMessages({
  /**
   * The content script found a record on its page and read these fields; `at` is when it
   * decided, in ms since the epoch, so that the last decision wins however the reports arrive.
   */
  recordDetected: { from: ['content'], input: CrmRecord.extend({ at: DecidedAt }), output: z.null() },
  /**
   * The content script is about to open a panel frame and gives the worker the frame's token
   * (lib/messages/panel-token.ts), which replaces the one it gave for its previous panel.
   */
  panelOpening: {
    from: ['content'],
    input: z.object({ token: z.string().regex(PANEL_TOKEN_PATTERN) }).strict(),
    output: z.null(),
  },
  /** The content script's page no longer shows a record (navigated to a list view…). */
  recordLeft: { from: ['content'], input: z.object({ at: DecidedAt }).strict(), output: z.null() },
  /** The panel learns which tab it sits in, to know which record announcements are its own. */
  panelTab: { from: ['panel'], input: z.object({}).strict(), output: z.object({ tabId: z.number() }) },
  /**
   * The panel asks whether where it sits is its tab's CRM page: the origins of the frames
   * around it (location.ancestorOrigins, null where the browser has none) and whether its
   * parent is the top frame. Refused (`panel-misplaced`) anywhere else.
   */
  panelPlace: {
    from: ['panel'],
    input: z
      .object({ ancestorOrigins: z.array(z.string().max(300)).max(20).nullable(), parentIsTop: z.boolean() })
      .strict(),
    output: z.null(),
  },
});
