import type { Handlers } from '@/lib/messages/router';
import { accountHandlers } from './accounts';
import { associationHandlers } from './associations';
import { backupHandlers } from './backup';
import { draftHandlers } from './drafts';
import { keyHandlers } from './keys';
import { outboxHandlers } from './outbox';
import { peopleHandlers } from './people';
import { policyHandlers } from './policy';
import { postHandlers } from './posts';
import { recordHandlers } from './record';
import { ruleHandlers } from './rules';
import { settingsHandlers } from './settings';
import { socialHandlers } from './social';
import { usageHandlers } from './usage';

/**
 * The background's answers to every protocol message, one line per subject (each beside its
 * schemas in lib/messages/<subject>-messages.ts). Inputs arrive parsed and senders checked.
 */
export const handlers: Handlers = {
  ...recordHandlers,
  ...accountHandlers,
  ...keyHandlers,
  ...associationHandlers,
  ...peopleHandlers,
  ...postHandlers,
  ...outboxHandlers,
  ...draftHandlers,
  ...usageHandlers,
  ...backupHandlers,
  ...ruleHandlers,
  ...settingsHandlers,
  ...policyHandlers,
  ...socialHandlers,
};
