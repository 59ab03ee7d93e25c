import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Send } from '@/components/manager/api';
import { UsageSection } from '@/components/manager/UsageSection';
import type { UsageReport } from '@/lib/messages/usage-messages';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (locale: string): Messages =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8'),
  ) as Messages;
const english = load('en');
const originalGetMessage = fakeBrowser.i18n.getMessage;
const originalLanguage = fakeBrowser.i18n.getUILanguage;

/** chrome.i18n as Chrome runs it in `language`: that locale's messages, else English's. */
function speak(language: string, messages: Messages): void {
  fakeBrowser.i18n.getUILanguage = () => language;
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const entry = messages[key] ?? english[key];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
    });
  }) as typeof fakeBrowser.i18n.getMessage;
}

afterEach(() => {
  fakeBrowser.i18n.getUILanguage = originalLanguage;
  fakeBrowser.i18n.getMessage = originalGetMessage;
});

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
    speak('en-US', english);
    show({ ...REPORT, socialSchedule: { hours: 6, dailyUsd: 1.2 } });
    const line = await screen.findByText(/refreshes on its own/);
    expect(spaced(line.textContent)).toBe(
      'The Social view refreshes on its own every 6 hours: estimated at most $1.20 a day, counted against the daily budget.',
    );
  });

  it('says it in German, with German money', async () => {
    speak('de', load('de'));
    show({ ...REPORT, socialSchedule: { hours: 1, dailyUsd: 12.5 } });
    const line = await screen.findByText(/aktualisiert sich/);
    expect(spaced(line.textContent)).toBe(
      'Die Social-Ansicht aktualisiert sich jede Stunde selbst: geschätzt höchstens 12,50 $ pro Tag, angerechnet auf das Tagesbudget.',
    );
  });

  it('says nothing of it when it is off', async () => {
    speak('en-US', english);
    show(REPORT);
    await screen.findByText(/Save budget/);
    expect(screen.queryByText(/refreshes on its own/)).toBeNull();
  });
});
