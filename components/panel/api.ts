import type { MessageInput, MessageName, MessageOutput } from '@/lib/messages/protocol';

/** How panel components reach the background; the page passes sendMessage, tests a fake. */
export type Send = <K extends MessageName>(name: K, input: MessageInput<K>) => Promise<MessageOutput<K>>;

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Only http(s) links from X or the CRM become links; javascript:, data: and the rest stay text. */
export const safeLink = (url: string | null | undefined) =>
  url && /^https?:\/\//i.test(url) ? url : undefined;

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
export const count = (n: number) => compact.format(n);
