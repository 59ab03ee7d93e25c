// OAuth 2.0 Authorization Code with PKCE for a public client, as X runs it:
// consent page at /i/oauth2/authorize, tokens at /2/oauth2/token, revocation at /2/oauth2/revoke.
// Access tokens expire (2 h by default), refresh tokens come only with offline.access and are
// single use: every refresh returns a new one and the old one is refused from then on.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { bodyValue, html, queryValue, type Reply, type RequestContext } from './context';
import { authorizePage, messagePage } from './pages';
import { oauth2Error, unauthorizedV2 } from './problems';
import type { XState } from './state';

export const KNOWN_SCOPES = new Set([
  'tweet.read',
  'tweet.write',
  'tweet.moderate.write',
  'users.email',
  'users.read',
  'follows.read',
  'follows.write',
  'offline.access',
  'space.read',
  'mute.read',
  'mute.write',
  'like.read',
  'like.write',
  'list.read',
  'list.write',
  'block.read',
  'block.write',
  'bookmark.read',
  'bookmark.write',
  'media.write',
  'dm.read',
  'dm.write',
]);

/** X's authorization codes are short-lived. */
const CODE_LIFETIME_MS = 30_000;
const DEFAULT_ACCESS_LIFETIME_S = 7200;

export interface OAuth2App {
  name: string;
  clientId: string;
  redirectUris: readonly string[];
}

interface Grant {
  userId: string;
  scopes: string[];
  clientId: string;
}

interface Code extends Grant {
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

interface AccessToken2 extends Grant {
  expiresAt: number;
}

function newToken(kind: 'at' | 'rt'): string {
  // Same look as X's: base64 of random bytes followed by an encoded "…:1:<kind>:1" suffix.
  return `${randomBytes(48).toString('base64url')}${Buffer.from(`:${Date.now()}:1:${kind}:1`).toString('base64url')}`;
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export class OAuth2Server {
  private readonly codes = new Map<string, Code>();
  private readonly accessTokens = new Map<string, AccessToken2>();
  private readonly refreshTokens = new Map<string, Grant>();
  private accessLifetimeS = DEFAULT_ACCESS_LIFETIME_S;

  constructor(
    private readonly app: OAuth2App,
    private readonly clock: Clock,
    private readonly state: () => XState,
    private readonly signInUsernames: readonly string[],
    private readonly defaultUsername: string,
  ) {}

  reset(): void {
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.accessLifetimeS = DEFAULT_ACCESS_LIFETIME_S;
  }

  setAccessLifetime(seconds: number): void {
    this.accessLifetimeS = seconds;
  }

  private redirectUris(): readonly string[] {
    return this.app.redirectUris;
  }

  revoke(token: string): boolean {
    return this.accessTokens.delete(token) || this.refreshTokens.delete(token);
  }

  /** The grant behind a bearer token, or X's 401 when it is unknown, revoked or expired. */
  verifyBearer(token: string): Grant {
    const grant = this.accessTokens.get(token);
    if (!grant || grant.expiresAt <= this.clock.now()) throw unauthorizedV2();
    return grant;
  }

  /** Validate the authorize query; undefined when valid, else an error page. */
  private checkAuthorizeParams(read: (name: string) => string | undefined): Reply | undefined {
    const bad = (message: string): Reply => {
      const page = messagePage('Something went wrong', message, 400);
      return html(page.body, page.status);
    };
    if (read('client_id') !== this.app.clientId) return bad('Unknown client_id.');
    if (read('response_type') !== 'code') return bad('response_type must be code.');
    if (!this.redirectUris().includes(read('redirect_uri') ?? '')) {
      return bad('redirect_uri does not match a callback URL registered for this app.');
    }
    const scopes = (read('scope') ?? '').split(' ').filter(Boolean);
    if (!scopes.length || scopes.some((s) => !KNOWN_SCOPES.has(s))) return bad('Invalid scope.');
    if (!read('state')) return bad('state is required.');
    if (!/^[A-Za-z0-9_-]{43}$/.test(read('code_challenge') ?? '')) return bad('Invalid code_challenge.');
    // twitter-api-v2 sends "s256" in lower case and X accepts it; "plain" is refused here on purpose.
    if ((read('code_challenge_method') ?? '').toUpperCase() !== 'S256') {
      return bad('code_challenge_method must be S256.');
    }
    return undefined;
  }

  /** GET /i/oauth2/authorize */
  authorizePage(ctx: RequestContext): Reply {
    const read = (name: string): string | undefined => queryValue(ctx, name);
    const error = this.checkAuthorizeParams(read);
    if (error) return error;
    const names = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge'];
    const hidden: Record<string, string> = { code_challenge_method: 'S256' };
    for (const name of names) hidden[name] = read(name) ?? '';
    const state = this.state();
    return html(
      authorizePage({
        appName: this.app.name,
        action: '/i/oauth2/authorize',
        hidden,
        accounts: this.signInUsernames
          .map((username) => state.userByUsername(username))
          .filter((u) => u !== undefined)
          .map((u) => ({ username: u.username, name: u.name })),
        selected: this.defaultUsername,
        scopes: (read('scope') ?? '').split(' ').filter(Boolean),
      }),
    );
  }

  /** POST /i/oauth2/authorize: redirect back with a code (or access_denied). */
  authorizeDecision(ctx: RequestContext): Reply {
    const read = (name: string): string | undefined => ctx.form.find(([key]) => key === name)?.[1];
    const error = this.checkAuthorizeParams(read);
    if (error) return error;
    const target = new URL(read('redirect_uri') ?? '');
    target.searchParams.set('state', read('state') ?? '');
    if (read('cancel') !== undefined || read('allow') === undefined) {
      target.searchParams.set('error', 'access_denied');
      return { kind: 'redirect', location: target.toString() };
    }
    const user = this.state().userByUsername(read('account') ?? this.defaultUsername);
    if (!user) return html(messagePage('Sign in failed', 'No such account.', 400).body, 400);
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, {
      userId: user.id,
      clientId: this.app.clientId,
      scopes: (read('scope') ?? '').split(' ').filter(Boolean),
      redirectUri: read('redirect_uri') ?? '',
      challenge: read('code_challenge') ?? '',
      expiresAt: this.clock.now() + CODE_LIFETIME_MS,
    });
    target.searchParams.set('code', code);
    return { kind: 'redirect', location: target.toString() };
  }

  /** The client id from the body or HTTP Basic (confidential clients); public clients send it in the body. */
  private clientIdOf(ctx: RequestContext): string | undefined {
    const basic = /^Basic\s+(.+)$/i.exec(String(ctx.req.headers.authorization ?? ''));
    if (basic)
      return decodeURIComponent(
        Buffer.from(basic[1] ?? '', 'base64')
          .toString()
          .split(':')[0] ?? '',
      );
    return bodyValue(ctx, 'client_id');
  }

  /** POST /2/oauth2/token */
  token(ctx: RequestContext): Reply {
    if (this.clientIdOf(ctx) !== this.app.clientId) {
      throw oauth2Error('Missing valid authorization header', 'unauthorized_client', 401);
    }
    const grantType = bodyValue(ctx, 'grant_type');
    if (grantType === 'authorization_code') return this.exchangeCode(ctx);
    if (grantType === 'refresh_token') return this.refresh(ctx);
    throw oauth2Error('Value passed for the grant type was invalid.');
  }

  private exchangeCode(ctx: RequestContext): Reply {
    const code = this.codes.get(bodyValue(ctx, 'code') ?? '');
    const invalid = (): never => {
      throw oauth2Error('Value passed for the authorization code was invalid.');
    };
    if (!code) return invalid();
    // A code is spent by its first use, good or bad, as an authorization server must (RFC 6749 4.1.2).
    this.codes.delete(bodyValue(ctx, 'code') ?? '');
    const verifier = bodyValue(ctx, 'code_verifier') ?? '';
    if (
      code.expiresAt <= this.clock.now() ||
      code.redirectUri !== bodyValue(ctx, 'redirect_uri') ||
      !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
      s256(verifier) !== code.challenge
    ) {
      return invalid();
    }
    return this.issue(code);
  }

  private refresh(ctx: RequestContext): Reply {
    const presented = bodyValue(ctx, 'refresh_token') ?? '';
    const grant = this.refreshTokens.get(presented);
    if (!grant || grant.clientId !== this.app.clientId) {
      throw oauth2Error('Value passed for the token was invalid.');
    }
    this.refreshTokens.delete(presented);
    return this.issue(grant);
  }

  private issue(grant: Grant): Reply {
    const accessToken = newToken('at');
    this.accessTokens.set(accessToken, {
      ...grant,
      expiresAt: this.clock.now() + this.accessLifetimeS * 1000,
    });
    const body: {
      token_type: 'bearer';
      expires_in: number;
      access_token: string;
      scope: string;
      refresh_token?: string;
    } = {
      token_type: 'bearer',
      expires_in: this.accessLifetimeS,
      access_token: accessToken,
      scope: grant.scopes.join(' '),
    };
    if (grant.scopes.includes('offline.access')) {
      const refreshToken = newToken('rt');
      this.refreshTokens.set(refreshToken, {
        userId: grant.userId,
        scopes: grant.scopes,
        clientId: grant.clientId,
      });
      body.refresh_token = refreshToken;
    }
    return { kind: 'json', status: 200, body };
  }

  /** POST /2/oauth2/revoke */
  revokeEndpoint(ctx: RequestContext): Reply {
    if (this.clientIdOf(ctx) !== this.app.clientId) {
      throw oauth2Error('Missing valid authorization header', 'unauthorized_client', 401);
    }
    const token = bodyValue(ctx, 'token');
    if (!token) throw oauth2Error('Missing required parameter [token].');
    this.revoke(token);
    // RFC 7009: an unknown token is not an error.
    return { kind: 'json', status: 200, body: { revoked: true } };
  }
}
