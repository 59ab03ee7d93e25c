import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Send } from '@/components/panel/api';
import { SocialView } from '@/components/social/SocialView';
import type { SocialView as View } from '@/lib/messages/social-messages';
import type { SocialQuote } from '@/lib/x/social-refresh';
import { speak, speakDefault } from '../speak';

afterEach(speakDefault);

const view: View = {
  allowed: true,
  items: [],
  lastFoundAt: null,
  accounts: [],
  permissions: { post: true, follow: true, engage: true, locked: false, allowedCrms: null },
  keywords: [],
  scheduleHours: null,
  scheduleMinHours: null,
  scheduleDailyUsd: null,
  crmPlaces: [],
};

/** The background as the Social view sees it: a quote of `posts` posts, a refresh finding `added`. */
function background(quote: Partial<SocialQuote>, added: number): Send {
  const answers: Record<string, unknown> = {
    socialView: view,
    socialQuote: {
      maxUsd: 0.011,
      accounts: 1,
      newsQueries: 0,
      posts: 1,
      ownedPosts: 0,
      authors: 1,
      ...quote,
    },
    socialRefresh: { added, costUsd: 0.011, more: false },
  };
  return (async (type: string) => answers[type]) as unknown as Send;
}

/** Intl puts no-break spaces between an amount and its currency; a reader sees a space. */
const spaced = (text: string | null | undefined) => (text ?? '').replace(/\s/gu, ' ');

async function refreshed(send: Send): Promise<{ quote: string; outcome: string; hours: string[] }> {
  render(<SocialView send={send} tabUrl={null} />);
  const quote = await screen.findByText(/^A refresh|^Eine Aktualisierung|^Una actualización/);
  const quoteText = spaced(quote.textContent);
  fireEvent.click(screen.getByRole('button', { name: /\(/ }));
  const outcome = await screen.findByText(/\$|US\$/, { selector: '#social-outcome' });
  const hours = [...document.querySelectorAll('section[aria-labelledby="social-schedule"] option')]
    .map((option) => option.textContent ?? '')
    .filter((text) => /\d|hour|Stunde|hora/i.test(text));
  return { quote: quoteText, outcome: spaced(outcome.textContent), hours };
}

describe('the Social view counts as the language does', () => {
  it('says "1 new item" and "1 new post", "every hour" and "every 2 hours" in English', async () => {
    const shown = await refreshed(background({ posts: 1, authors: 1 }, 1));
    expect(shown.quote).toBe(
      'A refresh reads at most 1 new post and may cost up to $0.011. 1 author may be read at $0.01. ' +
        'Authors read today are free, and nothing is read until you refresh.',
    );
    expect(shown.outcome).toBe('1 new item. This refresh cost $0.011.');
    expect(shown.hours).toEqual([
      'Every hour',
      'Every 2 hours',
      'Every 4 hours',
      'Every 8 hours',
      'Every 24 hours',
    ]);
  });

  it('groups large counts and says Owned Reads only when there are some', async () => {
    const shown = await refreshed(background({ posts: 1200, ownedPosts: 100, authors: 1100 }, 1500));
    expect(shown.quote).toContain('at most 1,200 new posts');
    expect(shown.quote).toContain('100 of them are Owned Reads at $0.001 each.');
    expect(shown.quote).toContain('1,100 authors may be read at $0.01 each.');
    expect(shown.outcome).toBe('1,500 new items. This refresh cost $0.011.');
  });

  it('speaks German: "1 neuer Eintrag", "Jede Stunde", amounts as 0,011 $', async () => {
    speak('de', 'de');
    const shown = await refreshed(background({ posts: 2, authors: 1 }, 1));
    expect(shown.quote).toContain('höchstens 2 neue Posts und kann bis zu 0,011 $ kosten.');
    expect(shown.quote).toContain('1 Autor kann zu 0,01 $ gelesen werden.');
    expect(shown.outcome).toBe('1 neuer Eintrag. Diese Aktualisierung hat 0,011 $ gekostet.');
    expect(shown.hours.slice(0, 2)).toEqual(['Jede Stunde', 'Alle 2 Stunden']);
  });

  it('speaks Spanish: "2 elementos nuevos", "Cada hora"', async () => {
    speak('es-ES', 'es');
    const shown = await refreshed(background({ posts: 1, authors: 2 }, 2));
    expect(shown.quote).toContain('como máximo 1 post nuevo');
    expect(shown.quote).toContain('Se pueden leer 2 autores a 0,01 US$ cada uno.');
    expect(shown.outcome).toBe('2 elementos nuevos. Esta actualización ha costado 0,011 US$.');
    expect(shown.hours.slice(0, 2)).toEqual(['Cada hora', 'Cada 2 horas']);
  });
});
