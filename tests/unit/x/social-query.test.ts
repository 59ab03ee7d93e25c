import { describe, expect, it } from 'vitest';
import { newsBatches, SEARCH_QUERY_MAX } from '@/lib/x/social-query';

const handles = (n: number) => Array.from({ length: n }, (_, i) => `person_${String(i).padStart(8, '0')}`);

describe('news queries over the associated people', () => {
  it('puts many people into as few queries as fit in X’s 512 characters, each person once', () => {
    const people = handles(120).map((handle) => ({ handle, sinceId: null }));
    const batches = newsBatches(people);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.query.length).toBeLessThanOrEqual(SEARCH_QUERY_MAX);
    const covered = batches.flatMap((batch) => batch.handles);
    expect(covered.sort()).toEqual(handles(120).sort());
    // Full queries: no batch but the last could have taken the next person.
    const total = covered.length;
    expect(batches.length).toBeLessThanOrEqual(
      Math.ceil((total * 'from:person_00000000 OR '.length) / 480) + 1,
    );
    expect(batches[0]?.query).toMatch(/^\(from:person_\d+ OR from:person_\d+.*\) -is:retweet$/);
  });

  it('never puts people read up to different posts in one query', () => {
    const batches = newsBatches([
      { handle: 'maria_acme', sinceId: '100' },
      { handle: 'priyaraman', sinceId: '200' },
      { handle: 'acmerobotics', sinceId: '100' },
      { handle: 'noahw', sinceId: null },
    ]);
    expect(batches).toEqual([
      {
        query: '(from:acmerobotics OR from:maria_acme) -is:retweet',
        handles: ['acmerobotics', 'maria_acme'],
        sinceId: '100',
      },
      { query: 'from:priyaraman -is:retweet', handles: ['priyaraman'], sinceId: '200' },
      { query: 'from:noahw -is:retweet', handles: ['noahw'], sinceId: null },
    ]);
  });

  it('keeps one query per person even when a handle is the longest X allows', () => {
    const batches = newsBatches([{ handle: 'a'.repeat(15), sinceId: null }], 40);
    expect(batches).toHaveLength(1);
  });

  it('refuses what is not an X handle rather than send it into a query', () => {
    expect(() => newsBatches([{ handle: 'a OR b', sinceId: null }])).toThrow(/Not an X handle/);
    expect(() => newsBatches([{ handle: 'x) OR (y', sinceId: null }])).toThrow();
  });

  it('asks for the same person once whatever the case of the handle', () => {
    const batches = newsBatches([
      { handle: 'Maria_Acme', sinceId: null },
      { handle: 'maria_acme', sinceId: null },
    ]);
    expect(batches[0]?.handles).toEqual(['Maria_Acme']);
  });

  it('leaves out posts naming or answering the accounts whose mentions the refresh reads, within the length', () => {
    const batches = newsBatches(
      [
        { handle: 'maria_acme', sinceId: null },
        { handle: 'priyaraman', sinceId: null },
      ],
      SEARCH_QUERY_MAX,
      ['samrep_crm'],
    );
    expect(batches.map((batch) => batch.query)).toEqual([
      '(from:maria_acme OR from:priyaraman) -is:retweet -@samrep_crm -to:samrep_crm',
    ]);
    const tight = newsBatches(
      [
        { handle: 'maria_acme', sinceId: null },
        { handle: 'priyaraman', sinceId: null },
      ],
      60,
      ['samrep_crm'],
    );
    expect(tight.map((batch) => batch.handles)).toEqual([['maria_acme'], ['priyaraman']]);
    expect(tight.every((batch) => batch.query.length <= 60)).toBe(true);
    expect(() => newsBatches([], SEARCH_QUERY_MAX, ['not a handle'])).toThrow();
  });
});
