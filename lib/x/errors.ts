import { ApiRequestError, ApiResponseError, type TwitterRateLimit } from 'twitter-api-v2';
import { CodedError } from '../coded-error';
import { t } from '../i18n';
import { formatUntil } from './limit-time';

/** What went wrong with X, in terms of what the user can do about it. */
export type XProblem =
  | 'keys-missing'
  | 'needs-sign-in'
  | 'not-permitted'
  | 'rate-limited'
  | 'x-unavailable'
  | 'offline'
  | 'budget'
  /** The account the person chose to act as was disabled or deleted: nothing is sent as another. */
  | 'account-unavailable'
  /** X already has this text from this account (403 "duplicate content"): for a post, it is sent. */
  | 'duplicate'
  | 'refused';

/** A failed X call, with a stable code for the UI and a sentence for the user. */
export class XError extends CodedError {
  constructor(
    readonly problem: XProblem,
    message: string,
    /** For rate limits: when the endpoint opens again (epoch ms). */
    readonly until?: number,
  ) {
    super(problem, message);
  }
}

/**
 * When a 429 ends, in epoch seconds: the latest reset among the limits the answer shows
 * spent (a 24-hour cap outlasts the 15-minute window), else the window's, else 15 minutes.
 */
function latestSpentReset(rateLimit: TwitterRateLimit | undefined): number {
  const spent = [rateLimit, rateLimit?.day, rateLimit?.userDay].filter(
    (limit) => limit !== undefined && limit.remaining <= 0,
  );
  if (spent.length) return Math.max(...spent.map((limit) => limit?.reset ?? 0));
  return rateLimit?.reset ?? Math.ceil(Date.now() / 1000) + 900;
}

/** The detail X gave, when it gave one we can show (problem JSON or v1 errors). */
function detailOf(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  const record = data as { detail?: unknown; errors?: { message?: unknown }[] };
  if (typeof record.detail === 'string') return record.detail;
  const first = record.errors?.[0]?.message;
  return typeof first === 'string' ? first : '';
}

/** Turns whatever the X client threw into an XError; never a stack trace for the user. */
export function toXError(error: unknown): XError {
  if (error instanceof XError) return error;
  if (error instanceof ApiResponseError) {
    const status = error.code;
    if (status === 401) return new XError('needs-sign-in', t('xNeedsSignIn'));
    if (status === 429) {
      const reset = latestSpentReset(error.rateLimit) * 1000;
      return new XError('rate-limited', t('xRateLimited', formatUntil(reset, Date.now())), reset);
    }
    if (status >= 500) return new XError('x-unavailable', t('xUnavailable'));
    const detail = detailOf(error.data);
    if (status === 403 && /duplicate content/i.test(detail)) return new XError('duplicate', t('xDuplicate'));
    if (
      status === 403 &&
      /client-not-enrolled|access level|not permitted|Client Forbidden/i.test(JSON.stringify(error.data))
    ) {
      return new XError('not-permitted', t('xNotPermitted'));
    }
    return new XError('refused', detail ? t('xRefusedBecause', detail) : t('xRefused'));
  }
  if (error instanceof ApiRequestError || error instanceof TypeError)
    return new XError('offline', t('xOffline'));
  return new XError('x-unavailable', t('xUnavailable'));
}
