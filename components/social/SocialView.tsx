import { useCallback, useEffect, useState } from 'preact/hooks';
import { messageOf, type Send } from '@/components/panel/api';
import { formatCount, type MessageKey, t, tCount } from '@/lib/i18n';
import type { SocialView as View } from '@/lib/messages/social-messages';
import type { SocialColumn, SocialItem } from '@/lib/store/social';
import { SOCIAL_SCHEDULE_HOURS } from '@/lib/store/social-settings';
import { formatUsd, PRICE_USD } from '@/lib/x/prices';
import { SOURCE_READ_CAP } from '@/lib/x/social-reads';
import type { SocialQuote } from '@/lib/x/social-refresh';
import { keywordsIn } from './keywords';
import { SocialItemView } from './SocialItemView';

const COLUMNS: { column: SocialColumn; label: MessageKey }[] = [
  { column: 'customers', label: 'socialCustomers' },
  { column: 'leads', label: 'socialLeads' },
  { column: 'potential', label: 'socialPotential' },
];

/** News grouped by the CRM record of its author, the groups in the order of their newest post. */
function byRecord(items: readonly SocialItem[]): { key: string; title: string; items: SocialItem[] }[] {
  const groups = new Map<string, { key: string; title: string; items: SocialItem[] }>();
  for (const item of items) {
    const key = item.record
      ? `${item.record.crm}/${item.record.tenant}/${item.record.type}/${item.record.id}`
      : item.authorId;
    const group = groups.get(key) ?? { key, title: item.record?.name ?? item.authorName, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The Social view: conversations with the signed-in accounts in Customers, Leads and
 * Potential contacts columns, and the associated people's news grouped by record, with the
 * rep's words highlighted and filterable. Nothing is read from X until Refresh, whose most
 * possible cost is said before it, and whose cost is said after.
 */
export function SocialView({ send, tabUrl }: { send: Send; tabUrl: string | null }) {
  const [view, setView] = useState<View | null>(null);
  const [scope, setScope] = useState<string | null>(null);
  const [quote, setQuote] = useState<SocialQuote | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<string | null>(null);
  const [newWord, setNewWord] = useState('');

  const load = useCallback(() => {
    send('socialView', {}).then(setView, (failure: unknown) => setError(messageOf(failure)));
  }, [send]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!view?.allowed) return;
    setQuote(null);
    send('socialQuote', { accountId: scope }).then(setQuote, (failure: unknown) =>
      setError(messageOf(failure)),
    );
  }, [send, scope, view?.allowed, view?.items.length]);

  if (!view) {
    return (
      <p role="status" class="status">
        {error || t('socialLoading')}
      </p>
    );
  }
  if (!view.allowed) return <p class="status">{t('socialOff')}</p>;

  async function refresh() {
    setRefreshing(true);
    setError('');
    setOutcome('');
    try {
      const result = await send('socialRefresh', { accountId: scope });
      const unread = result.left > 0 ? tCount('socialLeft', result.left) : result.more ? t('socialMore') : '';
      setOutcome(
        [tCount('socialRefreshed', result.added, formatUsd(result.costUsd)), unread]
          .filter(Boolean)
          .join(' '),
      );
      load();
    } catch (failure) {
      setError(messageOf(failure));
      load();
    } finally {
      setRefreshing(false);
    }
  }

  async function saveWords(keywords: string[]) {
    try {
      const saved = await send('socialKeywordsSave', { keywords });
      setView((now) => (now ? { ...now, keywords: saved } : now));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function saveSchedule(value: string) {
    setError('');
    try {
      await send('socialScheduleSave', { hours: value ? Number(value) : null });
      load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  const handleOf = (accountId: string | null) =>
    view.accounts.find((account) => account.xUserId === accountId)?.handle ?? null;
  const onTab = (item: SocialItem) =>
    Boolean(tabUrl && item.record?.url && sameRecordPage(item.record.url, tabUrl));
  const conversations = view.items.filter(
    (item) => item.kind === 'conversation' && (!scope || item.accountId === scope),
  );
  const news = view.items
    .filter((item) => item.kind === 'news')
    .filter((item) => !filter || keywordsIn(item.post.text, [filter]).length > 0)
    // The record on the rep's tab first: the view follows the tab.
    .sort((a, b) => Number(onTab(b)) - Number(onTab(a)));
  const may = { post: view.permissions.post, engage: view.permissions.engage };
  const itemView = (item: SocialItem) => (
    <li key={item.key} class={onTab(item) ? 'social-on-tab' : undefined}>
      <SocialItemView
        item={item}
        send={send}
        keywords={view.keywords}
        accountHandle={handleOf(item.accountId)}
        crmPlaces={view.crmPlaces}
        may={may}
        isNew={item.foundAt === view.lastFoundAt}
      />
    </li>
  );
  const choices = SOCIAL_SCHEDULE_HOURS.filter(
    (hours) => view.scheduleMinHours === null || hours >= view.scheduleMinHours,
  );

  return (
    <>
      <header class="social-header">
        <h1>{t('socialTitle')}</h1>
        <label>
          {t('socialAccounts')}{' '}
          <select value={scope ?? ''} onChange={(event) => setScope(event.currentTarget.value || null)}>
            <option value="">{t('socialAllAccounts')}</option>
            {view.accounts.map((account) => (
              <option key={account.xUserId} value={account.xUserId}>
                {account.name} @{account.handle}
              </option>
            ))}
          </select>
        </label>
        <p id="social-quote" class="status">
          {quote ? quoteText(quote) : t('socialQuoting')}
        </p>
        <button
          type="button"
          onClick={() => void refresh()}
          disabled={refreshing}
          aria-describedby="social-quote"
        >
          {quote
            ? isExact(quote)
              ? t('socialRefreshFor', formatUsd(quote.exactUsd))
              : t('socialRefreshUpTo', formatUsd(quote.maxUsd))
            : t('socialRefresh')}
        </button>
        <p role="status" class="status" id="social-outcome">
          {refreshing ? t('socialRefreshing') : outcome}
        </p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </header>

      <section aria-labelledby="social-conversations">
        <h2 id="social-conversations">{t('socialConversations')}</h2>
        <div class="social-columns">
          {COLUMNS.map(({ column, label }) => {
            const inColumn = conversations.filter((item) => item.column === column);
            return (
              <section
                key={column}
                class={`social-column social-${column}`}
                aria-labelledby={`column-${column}`}
              >
                <h3 id={`column-${column}`}>
                  {t(label)} <span class="count">({formatCount(inColumn.length)})</span>
                </h3>
                {inColumn.length ? (
                  <ol class="social-list">{inColumn.map(itemView)}</ol>
                ) : (
                  <p class="status">{t('socialEmpty')}</p>
                )}
              </section>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="social-news">
        <h2 id="social-news">{t('socialNews')}</h2>
        <div class="social-keywords">
          <h3>{t('socialKeywords')}</h3>
          <fieldset>
            <legend>{t('socialFilter')}</legend>
            <button type="button" aria-pressed={filter === null} onClick={() => setFilter(null)}>
              {t('socialFilterAll')}
            </button>
            {view.keywords.map((word) => (
              <span key={word} class="social-keyword">
                <button
                  type="button"
                  aria-pressed={filter === word}
                  onClick={() => setFilter(filter === word ? null : word)}
                >
                  {word}
                </button>
                <button
                  type="button"
                  class="link-button"
                  aria-label={t('socialKeywordRemove', word)}
                  onClick={() => void saveWords(view.keywords.filter((other) => other !== word))}
                >
                  ×
                </button>
              </span>
            ))}
          </fieldset>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (newWord.trim())
                void saveWords([...view.keywords, newWord.trim()]).then(() => setNewWord(''));
            }}
          >
            <label>
              {t('socialKeywordAdd')}{' '}
              <input
                value={newWord}
                maxLength={40}
                onInput={(event) => setNewWord(event.currentTarget.value)}
              />
            </label>{' '}
            <button type="submit">{t('socialKeywordAddButton')}</button>
          </form>
        </div>
        <div class="social-news-list">
          {news.length === 0 ? (
            <p class="status">{t('socialNoNews')}</p>
          ) : (
            byRecord(news).map((group) => (
              <section key={group.key} class="social-group" aria-label={group.title}>
                <h3>{group.title}</h3>
                <ol class="social-list">{group.items.map(itemView)}</ol>
              </section>
            ))
          )}
        </div>
      </section>

      <section aria-labelledby="social-schedule">
        <h2 id="social-schedule">{t('socialSchedule')}</h2>
        {view.scheduleMinHours === 0 ? (
          <p class="status">{t('socialScheduleForbidden')}</p>
        ) : (
          <label>
            {t('socialScheduleEvery')}{' '}
            <select
              value={view.scheduleHours ?? ''}
              onChange={(event) => void saveSchedule(event.currentTarget.value)}
            >
              <option value="">{t('socialScheduleOff')}</option>
              {choices.map((hours) => (
                <option key={hours} value={hours}>
                  {tCount('socialScheduleHours', hours)}
                </option>
              ))}
            </select>
          </label>
        )}
        {view.scheduleDailyUsd !== null && (
          <p class="status">{t('socialScheduleDaily', formatUsd(view.scheduleDailyUsd))}</p>
        )}
      </section>
    </>
  );
}

/** A quote whose every part X counted and whose authors are known: one price, no range. */
function isExact(quote: SocialQuote): boolean {
  return quote.counted && quote.maxUsd - quote.exactUsd < 0.0005;
}

/** What a refresh will read and cost, as the rep reads it before pressing Refresh. */
function quoteText(quote: SocialQuote): string {
  const price = quote.counted
    ? isExact(quote)
      ? tCount('socialQuoteExact', quote.posts, formatUsd(quote.exactUsd))
      : tCount('socialQuoteRange', quote.posts, formatUsd(quote.exactUsd), formatUsd(quote.maxUsd))
    : tCount('socialQuote', quote.posts, formatUsd(quote.maxUsd));
  return [
    price,
    quote.ownedPosts > 0 && tCount('socialQuoteOwned', quote.ownedPosts, formatUsd(PRICE_USD.ownedRead)),
    !quote.counted && tCount('socialQuoteAuthors', quote.authors, formatUsd(PRICE_USD.readUser)),
    quote.left > 0 && tCount('socialQuoteLeft', quote.left, formatCount(SOURCE_READ_CAP)),
    t('socialQuoteFree'),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Whether two addresses show the same record page (the CRM may add a query or a hash). */
function sameRecordPage(recordUrl: string, tabUrl: string): boolean {
  try {
    const a = new URL(recordUrl);
    const b = new URL(tabUrl);
    return a.origin === b.origin && a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '');
  } catch {
    return false;
  }
}
