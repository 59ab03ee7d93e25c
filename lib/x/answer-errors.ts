import { t } from '../i18n';
import { XError } from './errors';
import type { InlineError } from './post-view';

// X's answers type problems under api.twitter.com while its OpenAPI description says
// api.x.com: the kind is the path, whatever the host.
const NOT_AUTHORIZED = '/2/problems/not-authorized-for-resource';

/**
 * The reason X gave, in a 200 answer without `data`, for not sending what was asked:
 * a protected account's posts read by a non-follower (type not-authorized-for-resource),
 * a suspended account ("User has been suspended"), or anything else in X's own words.
 * Source: X API v2 error docs (https://docs.x.com/x-api/fundamentals/response-codes-and-errors),
 * partial errors. Thrown, so that the cache never keeps such an answer as an empty list.
 */
export function answerProblem(errors: readonly InlineError[]): XError {
  const first = errors[0];
  if (first?.type?.endsWith(NOT_AUTHORIZED)) return new XError('refused', t('xPostsProtected'));
  if (first?.detail?.startsWith('User has been suspended')) return new XError('refused', t('xUserSuspended'));
  return new XError('refused', first?.detail ? t('xSays', first.detail) : t('xRefused'));
}
