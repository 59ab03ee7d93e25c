import type { draftMessages } from '@/lib/messages/draft-messages';
import type { HandlersFor } from '@/lib/messages/router';
import { database } from '@/lib/store/db';
import { deleteDraft, getDraft, latestDraft, listDrafts, saveDraft } from '@/lib/store/drafts';

/** Keeps the composer's drafts in the background's database. */
export const draftHandlers: HandlersFor<typeof draftMessages> = {
  async draftSave(input) {
    return saveDraft(await database(), input);
  },
  async draftList() {
    return listDrafts(await database());
  },
  async draftLatest() {
    return latestDraft(await database());
  },
  async draftGet({ id }) {
    return getDraft(await database(), id);
  },
  async draftDelete({ id }) {
    await deleteDraft(await database(), id);
    return null;
  },
};
