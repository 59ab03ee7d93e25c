// User-context authentication for API calls: OAuth 1.0a signatures or OAuth 2.0 bearer tokens.
// X has no app-only access to the endpoints this product uses, so both must name a user.
import type { RequestContext } from './context';
import type { OAuth1Server } from './oauth1';
import type { OAuth2Server } from './oauth2';
import { forbidden, invalidRequest, unauthorizedV2 } from './problems';

export interface Caller {
  userId: string;
  /** OAuth 2.0 scopes; undefined for OAuth 1.0a, which is not scoped */
  scopes?: string[];
}

export function authenticate(ctx: RequestContext, oauth1: OAuth1Server, oauth2: OAuth2Server): Caller {
  const header = String(ctx.req.headers.authorization ?? '');
  if (/^OAuth\s/i.test(header)) {
    const { access } = oauth1.verify(ctx, 'access', 'v2');
    if (!access) throw unauthorizedV2();
    return { userId: access.userId };
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) {
    const grant = oauth2.verifyBearer(bearer[1] ?? '');
    return { userId: grant.userId, scopes: grant.scopes };
  }
  throw unauthorizedV2();
}

/** OAuth 2.0 tokens must hold every scope the endpoint lists; X answers 403 otherwise. */
export function requireScopes(caller: Caller, scopes: readonly string[]): void {
  if (!caller.scopes) return;
  const missing = scopes.filter((scope) => !caller.scopes?.includes(scope));
  if (missing.length) throw forbidden();
}

/** `:id` in /2/users/:id/... write routes must be the authenticated user. */
export function requireSelf(caller: Caller, id: string | undefined): void {
  // A malformed id is a bad request before it is someone else's id.
  if (!id || !/^[0-9]{1,19}$/.test(id)) {
    throw invalidRequest('id', [id ?? ''], `The \`id\` query parameter value [${id ?? ''}] is not valid`);
  }
  if (id !== caller.userId) {
    throw forbidden('You are not permitted to perform this action on behalf of another user.');
  }
}
