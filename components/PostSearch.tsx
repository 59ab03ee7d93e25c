import { useState } from 'preact/hooks';
import { crmLabel } from '@/lib/crm/crm-label';
import { formatDateTime, t, tCount } from '@/lib/i18n';
import type { SearchResult } from '@/lib/messages/post-messages';
import { formatUsd, PRICE_USD, SEARCH_PAGE_SIZE, searchPagePrice } from '@/lib/x/prices';
import { messageOf, safeLink, type Send } from './panel/api';
import { PostBody } from './panel/PostBody';
import { postCounts } from './post-counts';
import { type PostPermissions, PostActions, postActs } from './panel/PostActions';

/** X takes a recent-search query of up to 512 characters. */
const MAX_QUERY_LENGTH = 512;

export interface PostSearchProps {
  send: Send;
  accountId: string | null;
  /** What policy allows on a result; a forbidden action is not offered. */
  may: PostPermissions;
  onReply: (post: SearchResult) => void;
}

type Results = { posts: SearchResult[]; nextToken: string | null; query: string };

/**
 * Recent posts (last 7 days) for a query in X's syntax, a page at a time with each page's
 * price said before it loads; an author associated with a CRM record shows that record.
 */
export function PostSearch({ send, accountId, may, onReply }: PostSearchProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const pagePrice = formatUsd(searchPagePrice());

  const load = async (asked: string, nextToken: string | null) => {
    setLoading(true);
    setError('');
    try {
      const page = await send('postSearch', { query: asked, nextToken, accountId });
      setResults((previous) => ({
        query: asked,
        nextToken: page.nextToken,
        posts: nextToken && previous ? [...previous.posts, ...page.posts] : page.posts,
      }));
    } catch (failure) {
      setError(t('searchFailed', messageOf(failure)));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section class="search" aria-labelledby="search-heading">
      <h2 id="search-heading">{t('searchTitle')}</h2>
      <search>
        <form
          class="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            const asked = query.trim();
            if (asked && !loading) void load(asked, null);
          }}
        >
          <label for="search-query" class="composer-label">
            {t('searchLabel')}
          </label>
          <div class="search-row">
            <input
              id="search-query"
              type="search"
              value={query}
              maxLength={MAX_QUERY_LENGTH}
              aria-describedby="search-hint search-cost"
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
            <button type="submit" disabled={loading || !query.trim()}>
              {t('searchButton')}
            </button>
          </div>
          <p id="search-hint" class="status">
            {t('searchHint')}
          </p>
          <p id="search-cost" class="status">
            {tCount(
              'searchCost',
              SEARCH_PAGE_SIZE,
              pagePrice,
              formatUsd(PRICE_USD.readPost),
              formatUsd(PRICE_USD.readUser),
            )}
          </p>
        </form>
      </search>
      <p class="status" role="status">
        {loading
          ? t('searching')
          : results
            ? results.posts.length
              ? tCount('searchFound', results.posts.length)
              : t('searchNone')
            : ''}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {results && results.posts.length > 0 ? (
        <ol class="search-results" aria-label={t('postSearchResults')}>
          {results.posts.map((post) => (
            <SearchResultItem
              key={post.id}
              post={post}
              send={send}
              accountId={accountId}
              may={may}
              onReply={() => onReply(post)}
            />
          ))}
        </ol>
      ) : null}
      {results?.nextToken ? (
        <button
          type="button"
          class="search-next"
          disabled={loading}
          onClick={() => void load(results.query, results.nextToken)}
        >
          {tCount('searchNext', SEARCH_PAGE_SIZE, pagePrice)}
        </button>
      ) : null}
    </section>
  );
}

function SearchResultItem({
  post,
  send,
  accountId,
  may,
  onReply,
}: {
  post: SearchResult;
  send: Send;
  accountId: string | null;
  may: PostPermissions;
  onReply: () => void;
}) {
  const record = post.record;
  const crm = record ? crmLabel(record.crm) : '';
  const recordText = record?.name ? t('searchInCrm', record.name, crm) : t('searchInCrmUnnamed', crm);
  const recordUrl = safeLink(record?.url);
  return (
    <li class="search-result">
      <p class="search-author">
        {post.authorHandle ? (
          <>
            <span class="search-author-name">{post.authorName}</span>{' '}
            <span class="search-author-handle">@{post.authorHandle}</span>
          </>
        ) : (
          t('searchUnknownAuthor')
        )}
      </p>
      {record ? (
        <p class="search-record">
          {recordUrl ? (
            <a href={recordUrl} target="_blank" rel="noopener noreferrer">
              {recordText}
            </a>
          ) : (
            recordText
          )}
        </p>
      ) : null}
      <div class="search-text">
        <PostBody post={post} showAuthor={false} />
      </div>
      <p class="search-meta status">
        {post.createdAt ? <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time> : null}
        {post.createdAt ? ' · ' : null}
        {postCounts(post)}
      </p>
      <PostActions may={may} onReply={onReply} {...postActs(send, post.id, accountId)} />
    </li>
  );
}
