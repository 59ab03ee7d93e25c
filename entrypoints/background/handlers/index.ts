import type { Handlers } from '@/lib/messages/router';
import { draftHandlers } from './drafts';
import { actionHandlers } from './actions';
import { composeHandlers } from './compose';
import { outboxHandlers } from './outbox';
import { maintenanceHandlers } from './maintenance';
import { managerHandlers } from './manager';
import { panelHandlers } from './panel';
import { recordHandlers } from './record';
import { settingsHandlers } from './settings';
import { socialHandlers } from './social';

/** The background's answers to every protocol message. Inputs arrive parsed and senders checked. */
export const handlers: Handlers = {
  ...recordHandlers,
  ...draftHandlers,
  ...managerHandlers,
  ...maintenanceHandlers,
  ...settingsHandlers,
  ...panelHandlers,
  ...actionHandlers,
  ...outboxHandlers,
  ...composeHandlers,
  ...socialHandlers,
};
