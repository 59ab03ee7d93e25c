import type { Handlers } from '@/lib/messages/router';
import { managerHandlers } from './manager';
import { recordHandlers } from './record';

/** The background's answers to every protocol message. Inputs arrive parsed and senders checked. */
export const handlers: Handlers = {
  ...recordHandlers,
  ...managerHandlers,
};
