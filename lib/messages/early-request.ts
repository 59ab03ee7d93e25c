import type { MessageInput, MessageName } from './protocol';

/**
 * A request an extension page sends from a tiny classic script of its own, before its modules
 * have loaded, so the worker reads while the browser is still fetching and compiling the
 * page's code. The page's module takes the raw reply once and reads it with `readReply`
 * (client.ts). Nothing here may import the message client or the browser polyfill: that is
 * the code this request does not wait for.
 */
const EARLY_REPLIES = Symbol.for('x-crm.earlyReplies');

type Replies = Partial<Record<MessageName, Promise<unknown>>>;
type World = { [EARLY_REPLIES]?: Replies };
/** The one call of the browser's own messaging API needed here (promise-based in MV3). */
type Messaging = { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

/** Sends `name` now through the browser's own API and keeps the raw reply for the page. */
export function sendEarly<K extends MessageName>(name: K, input: MessageInput<K>): void {
  const world = globalThis as World & { browser?: Messaging; chrome?: Messaging };
  const api = world.browser ?? world.chrome;
  if (!api?.runtime?.sendMessage) return;
  const replies = world[EARLY_REPLIES] ?? {};
  world[EARLY_REPLIES] = replies;
  const reply = api.runtime.sendMessage({ name, input });
  // Whoever takes the reply handles its failure; until then it must not count as unhandled.
  reply.catch(() => undefined);
  replies[name] = reply;
}

/** The raw reply to an early `name`, once; undefined when none was sent (the page then asks). */
export function takeEarlyReply(name: MessageName): Promise<unknown> | undefined {
  const replies = (globalThis as World)[EARLY_REPLIES];
  const reply = replies?.[name];
  if (replies) delete replies[name];
  return reply;
}
