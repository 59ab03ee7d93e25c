const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

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
 * When a limit opens again, in the user's locale and time zone: the time alone when it is
 * later today ("14:05"), the day with it otherwise ("Mon, Nov 30, 09:05"), so a 24-hour
 * cap's reset is never read as a time today.
 *
 * @param epochMs the reset, in epoch ms
 * @param now the current time, in epoch ms
 */
export function formatUntil(epochMs: number, now: number): string {
  return (sameLocalDay(epochMs, now) ? timeOnly : dayAndTime).format(epochMs);
}
