import { z } from 'zod';

/**
 * Who may send a message. `content` is the content script on a CRM page (untrusted
 * surroundings); the others are the extension's own pages.
 */
export type SenderContext = 'content' | 'panel' | 'popup' | 'options' | 'sidepanel';

export interface MessageSpec {
  /** The contexts allowed to send this message; anyone else is refused. */
  from: readonly SenderContext[];
  /** Parsed in the background before the handler sees anything. */
  input: z.ZodType;
  /** What the background answers; typed for the sender, not parsed again. */
  output: z.ZodType;
}

/** Declares a group of messages, keeping their literal types. */
export function defineMessages<const T extends Record<string, MessageSpec>>(messages: T): T {
  return messages;
}

/**
 * The output of a message whose answer the background builds from checked data: typed for
 * the sender, not parsed again.
 */
export const typed = <T>() => z.custom<T>(() => true);
