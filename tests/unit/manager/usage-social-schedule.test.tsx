import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Send } from '@/components/manager/api';
import { UsageSection } from '@/components/manager/UsageSection';
import type { UsageReport } from '@/lib/messages/usage-messages';
import { speak, speakDefault } from '../speak';

afterEach(speakDefault);

const REPORT: UsageReport = {
  days: ['2026-11-29'],
  rows: [],
  accounts: [],
  budgetUsd: 3,
  budgetFromPolicy: false,
  todayUsd: 0,
  monthPostReads: 0,
  socialSchedule: null,
};

function show(report: UsageReport) {
  const send = vi.fn(async () => report);
  render(<UsageSection send={send as unknown as Send} refresh={0} />);
}

const spaced = (text: string | null | undefined) => (text ?? '').replace(/\s/gu, ' ');

describe('the scheduled Social view refresh in the manager', () => {
  it('shows its estimated daily cost when it is on', async () => {
    speak('en-US', 'en');
    show({ ...REPORT, socialSchedule: { hours: 6, dailyUsd: 1.2 } });
    const line = await screen.findByText(/refreshes on its own/);
    expect(spaced(line.textContent)).toBe(
      'The Social view refreshes on its own every 6 hours: estimated at most $1.20 a day, counted against the daily budget.',
    );
  });

  it('says it in German, with German money', async () => {
    speak('de', 'de');
    show({ ...REPORT, socialSchedule: { hours: 1, dailyUsd: 12.5 } });
    const line = await screen.findByText(/aktualisiert sich/);
    expect(spaced(line.textContent)).toBe(
      'Die Social-Ansicht aktualisiert sich jede Stunde selbst: geschätzt höchstens 12,50 $ pro Tag, angerechnet auf das Tagesbudget.',
    );
  });

  it('says nothing of it when it is off', async () => {
    speak('en-US', 'en');
    show(REPORT);
    await screen.findByText(/Save budget/);
    expect(screen.queryByText(/refreshes on its own/)).toBeNull();
  });
});
