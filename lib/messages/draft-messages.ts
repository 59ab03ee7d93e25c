import { z } from 'zod';
import { MAX_DRAFT_LENGTH } from '../store/drafts';
import { XId } from '../x/ids';
import { defineMessages } from './spec';

const draftId = z.uuid();
const postId = XId;
const accountId = XId;

export const DraftView = z.object({
  id: z.string(),
  text: z.string(),
  replyToPostId: z.string().nullable(),
  accountId: z.string().nullable(),
  updatedAt: z.number(),
  problem: z.string().nullable().optional(),
});

/**
 * Drafts: what the user types in the composer, kept by the background as they type so a
 * closed popup or a crash loses nothing. Only the extension's own pages may send these.
 */
export const draftMessages = defineMessages({
  /** Creates (no id) or updates a draft; answers it as stored, with its id. */
  draftSave: {
    from: ['popup', 'panel'],
    input: z
      .object({
        id: draftId.optional(),
        text: z.string().max(MAX_DRAFT_LENGTH),
        replyToPostId: postId.nullable().optional(),
        accountId: accountId.nullable().optional(),
      })
      .strict(),
    output: DraftView,
  },
  /** Every draft, the most recently edited first. */
  draftList: { from: ['popup', 'panel'], input: z.object({}).strict(), output: z.array(DraftView) },
  /** The most recently edited draft alone, so the popup can open on it at once. */
  draftLatest: { from: ['popup', 'panel'], input: z.object({}).strict(), output: DraftView.nullable() },
  draftGet: {
    from: ['popup', 'panel'],
    input: z.object({ id: draftId }).strict(),
    output: DraftView.nullable(),
  },
  draftDelete: { from: ['popup', 'panel'], input: z.object({ id: draftId }).strict(), output: z.null() },
});
