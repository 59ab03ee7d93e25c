import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatList, formatPercent, t, tCount } from '@/lib/i18n';
import type { RankedPerson } from '@/lib/x/match';
import type { XPerson } from '@/lib/x/people';
import { formatUsd, PEOPLE_SEARCH_PAGE_SIZE } from '@/lib/x/prices';
import { compactCount } from '../post-counts';
import { messageOf, type Send } from './api';

type Search =
  | { kind: 'loading' }
  | {
      kind: 'done';
      results: RankedPerson[];
      /** What the pages shown so far cost at most, and what the next one would. */
      spentUsd: number;
      next: { token: string; priceUsd: number } | null;
      more: 'idle' | 'loading' | { failed: string };
    }
  | { kind: 'failed'; message: string };

function PersonRow({
  person,
  extra,
  onAssociate,
}: {
  person: XPerson;
  extra?: preact.ComponentChildren;
  onAssociate: () => void;
}) {
  return (
    <li class="candidate">
      {person.avatarUrl ? (
        <img class="avatar" src={person.avatarUrl} alt="" width={40} height={40} />
      ) : (
        <span class="avatar" />
      )}
      <div class="candidate-text">
        <strong>{person.name}</strong> <span class="handle">@{person.handle}</span>
        {person.bio && <p class="bio">{person.bio}</p>}
        <p class="meta">
          {person.location && <span>{person.location} · </span>}
          {compactCount('countFollowers', person.followers)}
        </p>
        {extra}
      </div>
      <button type="button" onClick={onAssociate} aria-label={t('associateWith', `@${person.handle}`)}>
        {t('associate')}
      </button>
    </li>
  );
}

/**
 * Not associated yet: people X finds by the record's name, best match first, and the
 * "Do you know their handle?" lookup.
 */
export function FindPerson({
  send,
  fullName,
  accountId,
  onAssociate,
}: {
  send: Send;
  fullName: string;
  /** The account the panel acts as: X is read as that account. */
  accountId: string | null;
  onAssociate: (person: XPerson, source: 'search' | 'handle') => void;
}) {
  const [search, setSearch] = useState<Search>({ kind: 'loading' });
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<XPerson | null>(null);
  const [lookupError, setLookupError] = useState('');

  useEffect(() => {
    send('peopleSearch', { accountId }).then(
      (page) =>
        setSearch({
          kind: 'done',
          results: page.results,
          spentUsd: page.priceUsd,
          next: page.nextToken ? { token: page.nextToken, priceUsd: page.nextPriceUsd } : null,
          more: 'idle',
        }),
      (error: unknown) => setSearch({ kind: 'failed', message: messageOf(error) }),
    );
  }, [send, accountId]);

  /** "More people": the next page, its price said on the button before it is pressed. */
  async function loadMore() {
    if (search.kind !== 'done' || !search.next) return;
    const shown = search;
    setSearch({ ...shown, more: 'loading' });
    try {
      const page = await send('peopleSearch', { nextToken: shown.next?.token, accountId });
      const known = new Set(shown.results.map(({ person }) => person.id));
      setSearch({
        kind: 'done',
        results: [...shown.results, ...page.results.filter(({ person }) => !known.has(person.id))],
        spentUsd: shown.spentUsd + page.priceUsd,
        next: page.nextToken ? { token: page.nextToken, priceUsd: page.nextPriceUsd } : null,
        more: 'idle',
      });
    } catch (error) {
      setSearch({ ...shown, more: { failed: messageOf(error) } });
    }
  }

  async function lookUp(event: SubmitEvent) {
    event.preventDefault();
    setLookupError('');
    setFound(null);
    try {
      setFound(await send('personByHandle', { handle: typed, accountId }));
    } catch (error) {
      setLookupError(messageOf(error));
    }
  }

  return (
    <section aria-labelledby="find-heading">
      <h2 id="find-heading">{t('findHeading', fullName)}</h2>
      {search.kind === 'loading' && (
        <p role="status" class="status">
          {t('searchingX')}
        </p>
      )}
      {search.kind === 'failed' && (
        <p role="alert" class="error">
          {search.message}
        </p>
      )}
      {search.kind === 'done' && search.results.length === 0 && <p class="status">{t('noPeopleFound')}</p>}
      {search.kind === 'done' && search.results.length > 0 && (
        <ol class="candidates" aria-label={t('searchResults')}>
          {search.results.map(({ person, confidence, reasons }) => (
            <PersonRow
              key={person.id}
              person={person}
              onAssociate={() => onAssociate(person, 'search')}
              extra={
                reasons.length > 0 && (
                  <p class="match">
                    {t('matchConfidence', formatPercent(confidence))}:{' '}
                    {formatList(reasons.map((r) => t(r.key, r.detail)))}
                  </p>
                )
              }
            />
          ))}
        </ol>
      )}
      {search.kind === 'done' && search.results.length > 0 && (
        <p class="meta search-cost">
          {tCount('peopleSearchCost', search.results.length, formatUsd(search.spentUsd))}
        </p>
      )}
      {search.kind === 'done' && search.next && (
        <button type="button" disabled={search.more === 'loading'} onClick={loadMore}>
          {t('morePeople', formatCount(PEOPLE_SEARCH_PAGE_SIZE), formatUsd(search.next.priceUsd))}
        </button>
      )}
      {search.kind === 'done' && search.more === 'loading' && (
        <span role="status" class="status">
          {' '}
          {t('loading')}
        </span>
      )}
      {search.kind === 'done' && typeof search.more === 'object' && (
        <p role="alert" class="error">
          {search.more.failed}
        </p>
      )}
      <form class="handle-lookup" onSubmit={lookUp}>
        <label>
          {t('knowHandle', fullName)}
          <input
            value={typed}
            placeholder={t('handlePlaceholder')}
            autoComplete="off"
            onInput={(event) => setTyped((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={!typed.trim()}>
          {t('lookUp')}
        </button>
      </form>
      {lookupError && (
        <p role="alert" class="error">
          {lookupError}
        </p>
      )}
      {found && (
        <ul class="candidates" aria-label={t('handleResult')}>
          <PersonRow person={found} onAssociate={() => onAssociate(found, 'handle')} />
        </ul>
      )}
    </section>
  );
}
