import type { PostsAnswer } from './post-view';
import { toPerson, type XPerson } from './people';

/**
 * The person whose timeline `answer` is (`GET /2/users/:id/tweets`), from its
 * `includes.users`: with `expansions=author_id` X sends each post's author there, with the
 * `user.fields` asked for (X docs, "Fields and expansions"). Null when X sent no such user:
 * a timeline with no posts has no `includes` at all, and a refused one has only `errors`.
 */
export function timelineOwner(answer: PostsAnswer, userId: string): XPerson | null {
  const users = Array.isArray(answer.includes?.users) ? (answer.includes.users as unknown[]) : [];
  const owner = users.find(
    (user) => typeof user === 'object' && user !== null && (user as { id?: unknown }).id === userId,
  );
  return owner ? toPerson(owner) : null;
}
