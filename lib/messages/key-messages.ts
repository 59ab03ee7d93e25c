import { z } from 'zod';
import { ManagerState } from './manager-state';
import { defineMessages } from './spec';

const key = z.string().trim().max(200);

/** The X app's keys, entered in the integration manager. Only it may send these. */
export const keyMessages = defineMessages({
  /** Adds or edits the keys; an empty secret keeps the recorded one. Never deletes. */
  keysSave: {
    from: ['options'],
    input: z.object({ consumerKey: key.min(1), consumerSecret: key, clientId: key }).strict(),
    output: ManagerState,
  },
  /** Maintenance only: the typed confirmation must be the word DELETE. */
  keysDelete: {
    from: ['options'],
    input: z.object({ confirm: z.literal('DELETE') }).strict(),
    output: ManagerState,
  },
});
