import { browser } from 'wxt/browser';
import { t } from '../i18n';
// Type-only imports: the content script uses this file, and zod must stay out of its bundle.
import type { MessageInput, MessageName, MessageOutput } from './protocol';

/** A refusal or failure answered by the background. */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

let presentedPanelToken: string | undefined;

/**
 * Sends `token` with every later message of this document: the panel's proof that its tab's
 * content script made its frame (lib/messages/panel-token.ts). Only the panel calls this.
 */
export function presentPanelToken(token: string): void {
  presentedPanelToken = token;
}

/** Sends one protocol message to the background and returns its typed answer. */
export async function sendMessage<K extends MessageName>(
  name: K,
  input: MessageInput<K>,
): Promise<MessageOutput<K>> {
  return readReply<K>(
    await browser.runtime.sendMessage(
      presentedPanelToken ? { name, input, panelToken: presentedPanelToken } : { name, input },
    ),
  );
}

/**
 * The typed answer in a reply of the background to message `K`.
 * @throws MessageError with the background's code, or `no-reply` when the reply is no answer.
 */
function readReply<K extends MessageName>(reply: unknown): MessageOutput<K> {
  if (isRecord(reply) && reply.ok === true && 'value' in reply) return reply.value as MessageOutput<K>;
  if (isRecord(reply) && reply.ok === false && isRecord(reply.error)) {
    const { code, message } = reply.error;
    if (typeof code === 'string' && typeof message === 'string') throw new MessageError(code, message);
  }
  throw new MessageError('no-reply', t('errorNoReply'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
