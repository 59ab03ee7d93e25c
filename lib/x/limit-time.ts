import { formatDate } from '../i18n';

const timeOnly = { hour: '2-digit', minute: '2-digit' } as const;
const dayAndTime = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
} as const;

function sameLocalDay(a: number, b: number): boolean {
  const first = new Date(a);
  const second = new Date(b);
  return (
    first.getFullYear() === second.getFullYear() &&
    first.getMonth() === second.getMonth() &&
    first.getDate() === second.getDate()
  );
}

/**
 * When a limit opens again, in the browser's UI language and time zone: the time alone when it is
 * later today ("14:05"), the day with it otherwise ("Mon, Nov 30, 09:05"), so a 24-hour
 * cap's reset is never read as a time today.
 *
 * @param epochMs the reset, in epoch ms
 * @param now the current time, in epoch ms
 */
export function formatUntil(epochMs: number, now: number): string {
  return formatDate(epochMs, sameLocalDay(epochMs, now) ? timeOnly : dayAndTime);
}
