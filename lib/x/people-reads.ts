import type { UserV2 } from 'twitter-api-v2';
import { answerProblem } from './answer-errors';
import type { PeoplePage } from './answer-types';
import { peopleBill } from './metering';
import { toPerson, USER_FIELDS, type XPerson } from './people';
import { inlineErrors } from './post-view';
import { PEOPLE_SEARCH_PAGE_SIZE } from './prices';
import type { XCalls } from './x-calls';

/**
 * People as X answers them, checked and reduced; a person X sent in a shape we do not
 * understand is left out.
 */
export const peopleOf = (users: readonly UserV2[] | undefined): XPerson[] =>
  (users ?? []).map(toPerson).filter((person): person is XPerson => person !== null);

/** One person from a user lookup's answer; X's inline error when it sent none. */
function personOf(answer: { data?: unknown; errors?: unknown }): XPerson | null {
  if (answer.data) return toPerson(answer.data);
  const errors = inlineErrors(answer);
  // Deactivated and unknown accounts are "not found"; only a stated reason is worth an error.
  if (errors[0]?.detail?.startsWith('User has been suspended')) throw answerProblem(errors);
  return null;
}

/** The cache key of a person, however they were found: by id, by handle or in a list. */
export const personKey = (id: string) => `user:${id}`;

/**
 * Keeps the people of an answer under their id, so that a later read of one of them by id
 * or by handle (the panel associating a search result) is answered from the cache.
 */
async function remember(x: XCalls, people: readonly XPerson[]): Promise<void> {
  for (const person of people) await x.cache.put(personKey(person.id), person);
}

/**
 * One page of the people X finds for a (folded) name, `PEOPLE_SEARCH_PAGE_SIZE` at a time
 * (GET /2/users/search): the first page with `token` null, the next with the page's
 * `nextToken` (null on the last). Each person is billed as a user read, so a page is asked
 * for only when a person looks.
 * @throws XError as XCalls.call.
 */
export async function searchPeople(
  x: XCalls,
  query: string,
  token: string | null = null,
  accountId?: string | null,
): Promise<PeoplePage> {
  const { profileMs } = await x.freshness();
  return x.cache.read(`search:${query.toLowerCase()}:${token ?? ''}`, profileMs, async () => {
    const page = await x.call(
      accountId,
      'read',
      async (client) => {
        const result = await client.v2.get<{ data?: UserV2[]; meta?: { next_token?: string } }>(
          'users/search',
          {
            query,
            max_results: PEOPLE_SEARCH_PAGE_SIZE,
            'user.fields': USER_FIELDS.join(','),
            ...(token ? { next_token: token } : {}),
          },
        );
        return { people: peopleOf(result.data), nextToken: result.meta?.next_token ?? null };
      },
      (page) => peopleBill(page.people),
    );
    await remember(x, page.people);
    return page;
  });
}

/**
 * A person by id (GET /2/users/:id), from the cache when read within the profile window,
 * however they were found then. Null when X does not know the id.
 * @throws XError with what X said of an account that is gone (suspended), or as XCalls.call.
 */
export async function personById(x: XCalls, id: string, accountId?: string | null): Promise<XPerson | null> {
  const { profileMs } = await x.freshness();
  return x.cache.read(personKey(id), profileMs, () =>
    x.call(
      accountId,
      'read',
      async (client) => {
        const result = await client.v2.user(id, { 'user.fields': [...USER_FIELDS] });
        // An associated person who is gone: say what X said rather than show nothing.
        if (!result.data && result.errors?.length) throw answerProblem(inlineErrors(result));
        return personOf(result);
      },
      (person) => peopleBill(person ? [person] : []),
    ),
  );
}

/**
 * The person with X user id `id` as the cache holds them within the profile freshness window,
 * else undefined: never a call to X. Null when X last said it has no such person.
 */
export async function personIfFresh(x: XCalls, id: string): Promise<XPerson | null | undefined> {
  const { profileMs } = await x.freshness();
  return x.cache.peek<XPerson | null>(personKey(id), profileMs);
}

/**
 * A person by handle (GET /2/users/by/username/:username), case-insensitive; null when X
 * knows no such handle. The handle is cached only as a pointer to the person's id, so the
 * person found is the same cache entry a read by id uses.
 * @throws XError as personById.
 */
export async function personByHandle(
  x: XCalls,
  handle: string,
  accountId?: string | null,
): Promise<XPerson | null> {
  const { profileMs } = await x.freshness();
  const id = await x.cache.read(`handle:${handle.toLowerCase()}`, profileMs, async () => {
    const person = await x.call(
      accountId,
      'read',
      async (client) => personOf(await client.v2.userByUsername(handle, { 'user.fields': [...USER_FIELDS] })),
      (person) => peopleBill(person ? [person] : []),
    );
    if (person) await remember(x, [person]);
    return person?.id ?? null;
  });
  return id === null ? null : personById(x, id, accountId);
}

/**
 * Looks up handles 100 at a time (GET /2/users/by), for importing a CRM export's Twitter
 * column. Answers by lower-cased handle; handles X does not know are simply absent.
 * @throws XError as XCalls.call; nothing is answered when one batch fails.
 */
export async function peopleByHandles(
  x: XCalls,
  handles: readonly string[],
  accountId?: string | null,
): Promise<Map<string, XPerson>> {
  const found = new Map<string, XPerson>();
  const unique = [...new Set(handles.map((handle) => handle.toLowerCase()))];
  for (let start = 0; start < unique.length; start += 100) {
    const batch = unique.slice(start, start + 100);
    const batchPeople = await x.call(
      accountId,
      'read',
      async (client) => {
        const result = await client.v2.get<{ data?: UserV2[] }>('users/by', {
          usernames: batch.join(','),
          'user.fields': USER_FIELDS.join(','),
        });
        return peopleOf(result.data);
      },
      (people) => peopleBill(people),
    );
    for (const person of batchPeople) found.set(person.handle.toLowerCase(), person);
  }
  return found;
}
