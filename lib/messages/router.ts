import type { Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { CodedError } from '../coded-error';
import { t } from '../i18n';
import { panelTokenIsLive } from '../store/panel-tokens';
import { Envelope, type MessageName, protocol, REFUSAL, type Reply, type SenderContext } from './protocol';
import { classifySender, type SenderIdentity } from './sender';
import type { MessageSpec } from './spec';

/** What a handler knows about who asked. */
export interface HandlerContext {
  from: SenderContext;
  /** The tab the sender lives in (the CRM tab for content script and panel). */
  tabId: number | undefined;
  sender: Runtime.MessageSender;
}

/** Handlers for one group of messages (see spec.ts); the router takes all groups merged. */
export type HandlersFor<T extends Record<string, MessageSpec>> = {
  [K in keyof T]: (
    input: z.output<T[K]['input']>,
    context: HandlerContext,
  ) => Promise<z.output<T[K]['output']>>;
};

export type Handlers = HandlersFor<typeof protocol>;

/** What a handler throws on purpose; its code and message reach the sender as they are. */
export { CodedError as HandlerError };

/**
 * Builds the background's single message listener. Nothing reaches a handler before the
 * envelope, the sender and the input have been checked; every outcome is a Reply, so a
 * sender always gets an answer and a bad message changes nothing.
 */
export function createRouter(handlers: Handlers, self: SenderIdentity) {
  return async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply> {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return refuse(REFUSAL.malformed, t('errorMalformed'));
    const name = envelope.data.name;
    if (!Object.hasOwn(protocol, name)) return refuse(REFUSAL.unknown, t('errorUnknown', name));
    const spec = protocol[name as MessageName];
    const from = classifySender(sender, self);
    if (!from || !(spec.from as readonly SenderContext[]).includes(from)) {
      return refuse(REFUSAL.sender, t('errorSender', name));
    }
    // A panel is answered only with the live token its tab's content script drew for it: a
    // panel.html framed by anyone else (Firefox lets any page that knows the add-on's UUID frame
    // it) gets nothing.
    if (from === 'panel' && !(await panelTokenIsLive(sender.tab?.id ?? -1, envelope.data.panelToken))) {
      return refuse(REFUSAL.panelToken, t('panelNotFromIcon'));
    }
    const input = spec.input.safeParse(envelope.data.input);
    if (!input.success)
      return refuse(REFUSAL.input, t('errorInput', name, clip(z.prettifyError(input.error))));
    const handler = handlers[name as MessageName] as (
      input: unknown,
      context: HandlerContext,
    ) => Promise<unknown>;
    try {
      const value = await handler(input.data, { from, tabId: sender.tab?.id, sender });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof CodedError) return refuse(error.code, error.message);
      // Unexpected failures are reported without internals: they may hold data from X.
      console.error(`Handler for “${name}” failed`, error);
      return refuse(REFUSAL.internal, t('errorInternal'));
    }
  };
}

/** Zod's explanation quotes the sender's keys, which may be any size: keep the answer short. */
function clip(text: string, max = 1000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function refuse(code: string, message: string): Reply {
  return { ok: false, error: { code, message } };
}
