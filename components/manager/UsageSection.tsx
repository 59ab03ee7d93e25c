import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatDate, t, tCount } from '@/lib/i18n';
import type { UsageReport } from '@/lib/messages/usage-messages';
import { DEFAULT_DAILY_BUDGET_USD } from '@/lib/store/settings-bounds';
import { formatUsd, MONTHLY_POST_READ_CAP } from '@/lib/x/prices';

import { messageOf, type Send } from './api';
import './maintenance.css';

type Metric = 'calls' | 'cost';
const SERIES = 6;
const WIDTH = 600;
const HEIGHT = 180;
const TOP = 12;
const BOTTOM = 22;
const LEFT = 44;

/** "Nov 21" for a UTC day "2026-11-21", in the browser's language. */
const shortDay = (day: string) =>
  formatDate(`${day}T00:00:00Z`, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Calls and estimated cost per UTC day and account for the last 30 days, and the daily budget. */
export function UsageSection({ send, refresh }: { send: Send; refresh: number }) {
  const [usage, setUsage] = useState<UsageReport | null>(null);
  const [metric, setMetric] = useState<Metric>('calls');
  const [budget, setBudget] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  useEffect(() => {
    send('usageReport', {}).then(
      (report) => {
        setUsage(report);
        setBudget(report.budgetUsd === null ? '' : String(report.budgetUsd));
      },
      (failure: unknown) => setMessage({ text: messageOf(failure), isError: true }),
    );
  }, [send, refresh]);

  async function saveBudget(event: SubmitEvent) {
    event.preventDefault();
    const text = budget.trim();
    const value = text === '' ? null : Number(text);
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 10_000)) {
      setMessage({ text: t('budgetInvalid'), isError: true });
      return;
    }
    try {
      const report = await send('budgetSave', { dailyBudgetUsd: value });
      setUsage(report);
      setMessage({
        text: report.budgetUsd === null ? t('budgetCleared') : t('budgetSaved', formatUsd(report.budgetUsd)),
        isError: false,
      });
    } catch (failure) {
      setMessage({ text: messageOf(failure), isError: true });
    }
  }

  const names = new Map(usage?.accounts.map((a) => [a.xUserId, `${a.name} (@${a.handle})`]) ?? []);
  const nameOf = (id: string) => names.get(id) ?? t('usageDeletedAccount', id);
  const accountIds = [...new Set(usage?.rows.map((row) => row.accountId) ?? [])].sort((a, b) =>
    nameOf(a).localeCompare(nameOf(b)),
  );
  const today = usage?.days[usage.days.length - 1] ?? '';
  const sum = (rows: UsageReport['rows'], pick: (row: UsageReport['rows'][number]) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  const totalCalls = usage ? sum(usage.rows, (r) => r.calls) : 0;
  const totalCost = usage ? sum(usage.rows, (r) => r.costUsd) : 0;
  const todayRows = usage?.rows.filter((row) => row.day === today) ?? [];
  const todayCalls = sum(todayRows, (r) => r.calls);
  const summary = t(
    'usageSummary',
    tCount('billedItems', totalCalls),
    formatUsd(totalCost),
    tCount('billedItems', todayCalls),
    formatUsd(usage?.todayUsd ?? 0),
  );

  return (
    <section aria-labelledby="usage-heading" class="usage">
      <h2 id="usage-heading">{t('usageHeading')}</h2>
      {!usage && !message && <p class="status">{t('loading')}</p>}
      {usage && (
        <>
          <p id="usage-summary" class="status">
            {summary}
          </p>
          <p class="status">
            {t('usagePostReadCap', formatCount(usage.monthPostReads), formatCount(MONTHLY_POST_READ_CAP))}
          </p>
          <fieldset class="metric">
            <legend>{t('usageShow')}</legend>
            {(['calls', 'cost'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="usage-metric"
                  value={value}
                  checked={metric === value}
                  onChange={() => setMetric(value)}
                />
                {value === 'calls' ? t('usageCalls') : t('usageCost')}
              </label>
            ))}
          </fieldset>
          <Chart usage={usage} metric={metric} accountIds={accountIds} />
          {accountIds.length > 0 && (
            <ul class="legend" aria-label={t('usageLegend')}>
              {accountIds.map((id, index) => (
                <li key={id}>
                  <span class={`swatch series-${index % SERIES}`} aria-hidden="true" />
                  {nameOf(id)}
                </li>
              ))}
            </ul>
          )}
          <details>
            <summary>{t('usageFigures')}</summary>
            {usage.rows.length === 0 ? (
              <p class="status">{t('usageNone')}</p>
            ) : (
              <table>
                <caption class="visually-hidden">{t('usageFigures')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('usageDay')}</th>
                    <th scope="col">{t('usageAccount')}</th>
                    <th scope="col">{t('usageCalls')}</th>
                    <th scope="col">{t('usageCost')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...usage.rows]
                    .sort(
                      (a, b) =>
                        b.day.localeCompare(a.day) || nameOf(a.accountId).localeCompare(nameOf(b.accountId)),
                    )
                    .map((row) => (
                      <tr key={`${row.day} ${row.accountId}`}>
                        <td>{row.day}</td>
                        <td>{nameOf(row.accountId)}</td>
                        <td>{formatCount(row.calls)}</td>
                        <td>{formatUsd(row.costUsd)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </details>
          <form class="budget" noValidate onSubmit={saveBudget}>
            <label>
              {t('budgetLabel')}
              <input
                type="number"
                min={0}
                max={10000}
                step={0.01}
                inputMode="decimal"
                value={budget}
                disabled={usage.budgetFromPolicy}
                aria-describedby="budget-help"
                onInput={(event) => setBudget((event.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <p id="budget-help" class="status">
              {usage.budgetFromPolicy ? t('setByOrganisation') : t('budgetHelp')}{' '}
              {t('budgetDefault', formatUsd(DEFAULT_DAILY_BUDGET_USD))}
              {usage.budgetUsd !== null &&
                ` ${t('budgetToday', formatUsd(usage.todayUsd), formatUsd(usage.budgetUsd))}`}
            </p>
            <button type="submit" disabled={usage.budgetFromPolicy}>
              {t('budgetSave')}
            </button>
          </form>
          {usage.socialSchedule && (
            <p class="status social-schedule-cost">
              {tCount(
                'usageSocialSchedule',
                usage.socialSchedule.hours,
                formatUsd(usage.socialSchedule.dailyUsd),
              )}
            </p>
          )}
        </>
      )}
      {message && (
        <p role={message.isError ? 'alert' : 'status'} class={message.isError ? 'error' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Stacked bars, one per day, one colour per account; the figures are in the table below it. */
function Chart({ usage, metric, accountIds }: { usage: UsageReport; metric: Metric; accountIds: string[] }) {
  const value = (row: UsageReport['rows'][number]) => (metric === 'calls' ? row.calls : row.costUsd);
  const byDay = new Map<string, UsageReport['rows']>();
  for (const row of usage.rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  const totals = usage.days.map((day) => (byDay.get(day) ?? []).reduce((sum, row) => sum + value(row), 0));
  const budget = metric === 'cost' ? usage.budgetUsd : null;
  const max = Math.max(...totals, budget ?? 0, metric === 'calls' ? 1 : 0.01);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / usage.days.length;
  const y = (amount: number) => TOP + plotHeight - (amount / max) * plotHeight;
  const format = (amount: number) => (metric === 'calls' ? formatCount(amount) : formatUsd(amount));
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="usage-chart-title"
      aria-describedby="usage-summary"
    >
      <title id="usage-chart-title">{metric === 'calls' ? t('usageChartCalls') : t('usageChartCost')}</title>
      <line class="axis" x1={LEFT} x2={WIDTH} y1={TOP + plotHeight} y2={TOP + plotHeight} />
      <text class="tick" x={LEFT - 6} y={TOP + 4} text-anchor="end">
        {format(max)}
      </text>
      <text class="tick" x={LEFT - 6} y={TOP + plotHeight} text-anchor="end">
        0
      </text>
      {usage.days.map((day, index) => {
        let base = 0;
        const rows = byDay.get(day) ?? [];
        return (
          <g key={day} data-day={day} data-total={totals[index]}>
            {accountIds.map((id, series) => {
              const row = rows.find((r) => r.accountId === id);
              if (!row || value(row) === 0) return null;
              const top = y(base + value(row));
              const height = y(base) - top;
              base += value(row);
              return (
                <rect
                  key={id}
                  class={`bar series-${series % SERIES}`}
                  x={LEFT + index * slot + slot * 0.15}
                  width={slot * 0.7}
                  y={top}
                  height={Math.max(height, 1)}
                />
              );
            })}
            {(index % 7 === 1 || index === usage.days.length - 1) && (
              <text class="tick" x={LEFT + index * slot + slot / 2} y={HEIGHT - 6} text-anchor="middle">
                {index === usage.days.length - 1 ? t('usageToday') : shortDay(day)}
              </text>
            )}
          </g>
        );
      })}
      {budget !== null && <line class="budget-line" x1={LEFT} x2={WIDTH} y1={y(budget)} y2={y(budget)} />}
    </svg>
  );
}
