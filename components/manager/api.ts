import type { ManagerState } from '@/lib/messages/manager-state';
import type { MessageInput, MessageName, MessageOutput } from '@/lib/messages/protocol';

/** How manager components reach the background; the page passes sendMessage, tests a fake. */
export type Send = <K extends MessageName>(name: K, input: MessageInput<K>) => Promise<MessageOutput<K>>;

export interface ManagerProps {
  state: ManagerState;
  send: Send;
  /** Replaces the shown state with what the background answered. */
  onState: (state: ManagerState) => void;
}

/** The message of an error thrown by the background, for an alert. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Only https images from X are shown; anything else X or a page could inject is dropped. */
export const safeImage = (url: string) => (/^https:\/\//i.test(url) ? url : undefined);
