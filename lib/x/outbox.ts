import type { IDBPDatabase } from 'idb';
import { CodedError } from '../coded-error';
import { t } from '../i18n';
import {
  deleteOutboxItem,
  getOutboxItem,
  listOutbox,
  markDraftRefused,
  moveToOutbox,
  putOutboxItem,
  returnToDrafts,
} from '../store/outbox';
import type { OutboxItem, XCrmDb } from '../store/schema';
import { toXError, XError } from './errors';
import { measurePost } from './post-length';
import { isSamePost } from './same-post';
import type { XOwnPost } from './answer-types';
import { writingAccount } from './writing-account';

/** What the outbox needs from X: posting, and reading the account's own latest posts. */
export interface OutboxX {
  post(
    text: string,
    replyToPostId: string | null,
    hasUrl: boolean,
    accountId?: string | null,
  ): Promise<{ id: string }>;
  ownRecentPosts(accountId?: string | null): Promise<XOwnPost[]>;
}

/** How a send ended. A refusal is thrown instead (an XError with X's reason). */
export type PostOutcome =
  | {
      status: 'posted';
      /** Null when X answered "duplicate content": it has the post, but did not say which. */
      id: string | null;
      /** The post on X, or the account's profile when the id is not known. */
      url: string;
      /** True when the post was found at X or refused as a duplicate, not created now. */
      alreadyOnX: boolean;
    }
  | { status: 'queued'; outboxId: string; reason: string };

export interface PostRequest {
  text: string;
  replyToPostId: string | null;
  accountId: string | null;
  /** The draft the text was typed in; it leaves the drafts once the post is sent or queued. */
  draftId: string | null;
}

/**
 * How far X's clock may be behind ours when a retry looks for a post made by an earlier
 * attempt. A wider window could only match a post that X would refuse as a duplicate anyway.
 */
const CLOCK_SKEW_MS = 2 * 60_000;

/** Failures after which the post may or may not have reached X: the request went out, no clear answer came back. */
const UNCLEAR: ReadonlySet<string> = new Set(['offline', 'x-unavailable']);

export const postUrl = (handle: string, id: string) =>
  `https://x.com/${encodeURIComponent(handle)}/status/${encodeURIComponent(id)}`;
const profileUrl = (handle: string) => `https://x.com/${encodeURIComponent(handle)}`;

/**
 * Sends posts so that none is lost and none is sent twice. A post whose send ends unclearly
 * (network error, X 5xx) waits in the outbox; before it is sent again, the account's latest
 * posts at X are read, and a post with the same text made since the first attempt means it
 * did go out. X's "duplicate content" refusal also means it is there. Anything else X refuses
 * goes back to the drafts with X's reason.
 */
export class Outbox {
  /** Sends in progress by outbox id: a Retry click and the network coming back share one. */
  private readonly sending = new Map<string, Promise<PostOutcome>>();

  constructor(
    private readonly deps: {
      db: () => Promise<IDBPDatabase<XCrmDb>>;
      x: OutboxX;
      now?: () => number;
      /**
       * Asked right before every send, first or retried; throws a CodedError with the
       * reason when the post may not go out now (the organisation's policy).
       */
      guard?: () => Promise<void>;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** A new post, sent at once; an unclear failure leaves it in the outbox. */
  async send(request: PostRequest): Promise<PostOutcome> {
    const text = request.text.normalize('NFC');
    const length = measurePost(text);
    if (!length.valid) throw new XError('refused', t('postInvalid'));
    const db = await this.deps.db();
    await this.deps.guard?.();
    // The account is fixed now: a retry must check and post as the same one, whatever the
    // default becomes. A chosen account that is disabled or gone refuses the post here.
    const account = await writingAccount(db, request.accountId);
    const accountId = account?.xUserId ?? request.accountId;
    const startedAt = this.now();
    const item: OutboxItem = {
      id: request.draftId ?? crypto.randomUUID(),
      text,
      replyToPostId: request.replyToPostId,
      accountId,
      updatedAt: startedAt,
      lastError: t('outboxInterrupted'),
      attempts: 1,
      firstAttemptAt: startedAt,
    };
    // Written before the post leaves: if the worker is stopped mid-send, the post is found in
    // the outbox as interrupted, and X is checked for it before it is ever sent again.
    await putOutboxItem(db, item);
    const done = async () => {
      await deleteOutboxItem(db, item.id);
      if (request.draftId) await db.delete('drafts', request.draftId);
    };
    try {
      const created = await this.deps.x.post(text, request.replyToPostId, length.hasUrl, accountId);
      await done();
      return posted(account?.handle ?? '', created.id, false);
    } catch (error) {
      const problem = toXError(error);
      if (problem.problem === 'duplicate') {
        await done();
        return posted(account?.handle ?? '', null, true);
      }
      if (!UNCLEAR.has(problem.problem)) {
        await deleteOutboxItem(db, item.id);
        if (request.draftId && problem.problem === 'refused')
          await markDraftRefused(db, request.draftId, request.text, problem.message);
        throw problem;
      }
      await moveToOutbox(db, { ...item, lastError: problem.message }, request.draftId);
      return { status: 'queued', outboxId: item.id, reason: problem.message };
    }
  }

  /** Sends one waiting post again, unless X already has it. */
  retry(id: string): Promise<PostOutcome> {
    let pending = this.sending.get(id);
    if (!pending) {
      pending = this.resend(id).finally(() => this.sending.delete(id));
      this.sending.set(id, pending);
    }
    return pending;
  }

  /** Every waiting post, one after another in the order they were first sent. */
  async retryAll(): Promise<{ id: string; outcome: PostOutcome | { status: 'failed'; reason: string } }[]> {
    const results = [];
    for (const item of await listOutbox(await this.deps.db())) {
      try {
        results.push({ id: item.id, outcome: await this.retry(item.id) });
      } catch (error) {
        results.push({
          id: item.id,
          outcome: { status: 'failed' as const, reason: toXError(error).message },
        });
      }
    }
    return results;
  }

  async list(): Promise<OutboxItem[]> {
    return listOutbox(await this.deps.db());
  }

  async remove(id: string): Promise<void> {
    await deleteOutboxItem(await this.deps.db(), id);
  }

  private async resend(id: string): Promise<PostOutcome> {
    const db = await this.deps.db();
    const item = await getOutboxItem(db, id);
    if (!item) throw new XError('refused', t('outboxGone'));
    const attemptAt = this.now();
    // The same checks as a first send, made now: a post queued under another policy, or as an
    // account since disabled, waits with the reason instead of going out.
    let account: Awaited<ReturnType<typeof writingAccount>>;
    try {
      await this.deps.guard?.();
      account = await writingAccount(db, item.accountId);
    } catch (error) {
      if (error instanceof CodedError) return this.wait(db, item, error.message, attemptAt);
      throw error;
    }
    const handle = account?.handle ?? '';
    // Every item here failed unclearly: look at X before posting, and post only if it is not there.
    let mine: XOwnPost[];
    try {
      mine = await this.deps.x.ownRecentPosts(item.accountId);
    } catch (error) {
      // Without X's answer nothing is sent: the post waits, whatever kept the check from X.
      return this.wait(db, item, toXError(error).message, attemptAt);
    }
    const since = item.firstAttemptAt - CLOCK_SKEW_MS;
    const found = mine.find(
      (post) =>
        post.createdAt !== null &&
        Date.parse(post.createdAt) >= since &&
        isSamePost(item.text, post.text, post.links),
    );
    if (found) {
      await concluded(db, id);
      return posted(handle, found.id, true);
    }
    try {
      const created = await this.deps.x.post(
        item.text,
        item.replyToPostId,
        measurePost(item.text).hasUrl,
        item.accountId,
      );
      await concluded(db, id);
      return posted(handle, created.id, false);
    } catch (error) {
      const problem = toXError(error);
      if (problem.problem === 'duplicate') {
        await concluded(db, id);
        return posted(handle, null, true);
      }
      if (problem.problem === 'refused') {
        await returnToDrafts(db, item, problem.message, attemptAt);
        throw problem;
      }
      // Still unclear, or not possible now (rate limit, sign-in, budget): it waits, with the new reason.
      return this.wait(db, item, problem.message, attemptAt);
    }
  }

  private async wait(
    db: IDBPDatabase<XCrmDb>,
    item: OutboxItem,
    reason: string,
    at: number,
  ): Promise<PostOutcome> {
    await putOutboxItem(db, { ...item, lastError: reason, attempts: item.attempts + 1, updatedAt: at });
    return { status: 'queued', outboxId: item.id, reason };
  }
}

/** A post that is at X now: out of the outbox, and out of the drafts if an interrupted send left it there. */
async function concluded(db: IDBPDatabase<XCrmDb>, id: string): Promise<void> {
  await deleteOutboxItem(db, id);
  await db.delete('drafts', id);
}

function posted(handle: string, id: string | null, alreadyOnX: boolean): PostOutcome {
  return {
    status: 'posted',
    id,
    url: id && handle ? postUrl(handle, id) : profileUrl(handle),
    alreadyOnX,
  };
}
