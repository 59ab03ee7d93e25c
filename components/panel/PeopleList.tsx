import { useState } from 'preact/hooks';
import { formatCount, t, tCount, tPlural } from '@/lib/i18n';
import type { XPerson } from '@/lib/x/people';
import { formatUsd, PEOPLE_PAGE_SIZE, PRICE_USD, readUnitPrice } from '@/lib/x/prices';
import { compactCount } from '../post-counts';
import { messageOf, type Send } from './api';

/** Followers or following, loaded only on request, a page at a time, each page's cost said first. */
export function PeopleList({
  send,
  xUserId,
  list,
  accountId,
  ownedRead = false,
}: {
  send: Send;
  xUserId: string;
  list: 'followers' | 'following';
  accountId: string | null;
  /** The acting account owns the X app and this is its own list: X bills Owned Reads. */
  ownedRead?: boolean;
}) {
  /** The most a page can cost: every person on it is a billed user read. */
  const pageCost = formatUsd(PEOPLE_PAGE_SIZE * readUnitPrice(PRICE_USD.readUser, ownedRead));
  const [people, setPeople] = useState<XPerson[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const label = list === 'followers' ? t('followersHeading') : t('followingHeading');

  async function load() {
    setBusy(true);
    setError('');
    try {
      const page = await send('peoplePage', { xUserId, list, token: next ?? null, accountId });
      setPeople((shown) => [...shown, ...page.people]);
      setNext(page.nextToken);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const done = next === null;
  return (
    <section aria-label={label}>
      {people.length > 0 && (
        <ul class="people" aria-label={label}>
          {people.map((person) => (
            <li key={person.id}>
              <strong>{person.name}</strong> <span class="handle">@{person.handle}</span>{' '}
              <span class="meta">{compactCount('countFollowers', person.followers)}</span>
            </li>
          ))}
        </ul>
      )}
      {!done && (
        <button type="button" disabled={busy} onClick={load}>
          {next === undefined
            ? tPlural('loadPeople', PEOPLE_PAGE_SIZE, [label, formatCount(PEOPLE_PAGE_SIZE), pageCost])
            : tCount('loadMorePeople', PEOPLE_PAGE_SIZE, pageCost)}
        </button>
      )}
      {busy && (
        <span role="status" class="status">
          {' '}
          {t('loading')}
        </span>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
