import { formatCompactCount } from '@/lib/i18n';
import type { MessageInput, MessageName, MessageOutput } from '@/lib/messages/protocol';

/** How panel components reach the background; the page passes sendMessage, tests a fake. */
export type Send = <K extends MessageName>(name: K, input: MessageInput<K>) => Promise<MessageOutput<K>>;

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Only http(s) links from X or the CRM become links; javascript:, data: and the rest stay text. */
export const safeLink = (url: string | null | undefined) =>
  url && /^https?:\/\//i.test(url) ? url : undefined;

/** A count shortened as X shows it, in the browser's UI language ("1.2K", "1,2 Mio."). */
export const count = (n: number) => formatCompactCount(n);
