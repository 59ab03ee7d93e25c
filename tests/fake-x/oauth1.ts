// OAuth 1.0a (RFC 5849) with HMAC-SHA1, and X's PIN ("oob") flow:
// request_token → authorize page → PIN → access_token; invalidate_token revokes.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { html, type Reply, type RequestContext } from './context';
import type { Pair } from './http-util';
import { authorizePage, messagePage, pinPage } from './pages';
import { couldNotAuthenticate, HttpError, invalidOrExpiredToken, unauthorizedV2 } from './problems';
import type { XState } from './state';

/** X signs and checks against its public URL, whatever host and port the request reached. */
const SIGNED_ORIGIN = 'https://api.x.com';
const MAX_CLOCK_SKEW_S = 300;

export interface OAuth1App {
  name: string;
  consumerKey: string;
  consumerSecret: string;
  redirectUris: readonly string[];
}

interface RequestToken {
  token: string;
  secret: string;
  callback: string;
  verifier?: string;
  userId?: string;
}

export interface AccessToken1 {
  token: string;
  secret: string;
  userId: string;
}

/** RFC 3986 percent-encoding as section 3.6 of RFC 5849 requires (unreserved characters kept). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Parse `Authorization: OAuth a="b", c="d"` into decoded pairs. */
export function parseAuthorizationHeader(header: string): Pair[] | undefined {
  const match = /^OAuth\s+(.*)$/is.exec(header.trim());
  if (!match) return undefined;
  const pairs: Pair[] = [];
  for (const part of (match[1] ?? '').split(',')) {
    const item = /^\s*([^=\s]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
    if (!item) continue;
    try {
      pairs.push([decodeURIComponent(item[1] ?? ''), decodeURIComponent(item[2] ?? '')]);
    } catch {
      return undefined;
    }
  }
  return pairs;
}

/** Signature base string (RFC 5849 3.4.1). */
export function signatureBaseString(method: string, path: string, params: Pair[]): string {
  const normalized = params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return [method.toUpperCase(), percentEncode(SIGNED_ORIGIN + path), percentEncode(normalized)].join('&');
}

export function hmacSha1(base: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`)
    .update(base)
    .digest('base64');
}

type TokenKind = 'none' | 'request' | 'access';

export class OAuth1Server {
  private readonly requestTokens = new Map<string, RequestToken>();
  private readonly accessTokens = new Map<string, AccessToken1>();
  private readonly seenNonces = new Map<string, number>();

  constructor(
    private readonly app: OAuth1App,
    private readonly state: () => XState,
    private readonly signInUsernames: readonly string[],
    private readonly defaultUsername: string,
  ) {}

  reset(): void {
    this.requestTokens.clear();
    this.accessTokens.clear();
    this.seenNonces.clear();
  }

  revoke(token: string): boolean {
    return this.accessTokens.delete(token);
  }

  /** Issue an access token directly, for tests that do not need to walk the PIN flow. */
  issueAccessToken(userId: string): AccessToken1 {
    const token: AccessToken1 = {
      token: `${userId}-${randomBytes(30).toString('base64url').replace(/[-_]/g, 'A').slice(0, 40)}`,
      secret: randomBytes(34).toString('base64url').replace(/[-_]/g, 'B').slice(0, 45),
      userId,
    };
    this.accessTokens.set(token.token, token);
    return token;
  }

  /**
   * Check the signature of a request; throws X's 401 on any failure.
   * `style` picks the error shape: v2 problem JSON or the v1.1 `errors` list.
   */
  verify(
    ctx: RequestContext,
    kind: TokenKind,
    style: 'v1' | 'v2',
  ): { params: Pair[]; request?: RequestToken; access?: AccessToken1 } {
    const fail = (bad: 'signature' | 'token' = 'signature'): HttpError =>
      style === 'v2' ? unauthorizedV2() : bad === 'token' ? invalidOrExpiredToken() : couldNotAuthenticate();
    const header = parseAuthorizationHeader(String(ctx.req.headers.authorization ?? ''));
    if (!header) throw fail();
    const protocol = header.filter(([name]) => name !== 'realm');
    const get = (name: string): string | undefined => protocol.find(([key]) => key === name)?.[1];
    const signature = get('oauth_signature');
    const timestamp = Number(get('oauth_timestamp'));
    const nonce = get('oauth_nonce');
    if (
      !signature ||
      !nonce ||
      get('oauth_consumer_key') !== this.app.consumerKey ||
      get('oauth_signature_method') !== 'HMAC-SHA1' ||
      (get('oauth_version') ?? '1.0') !== '1.0' ||
      !Number.isInteger(timestamp) ||
      Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_S
    ) {
      throw fail();
    }

    const tokenValue = get('oauth_token');
    let request: RequestToken | undefined;
    let access: AccessToken1 | undefined;
    if (kind === 'request') {
      request = tokenValue ? this.requestTokens.get(tokenValue) : undefined;
      if (!request) throw fail('token');
    } else if (kind === 'access') {
      access = tokenValue ? this.accessTokens.get(tokenValue) : undefined;
      if (!access) throw fail('token');
    }

    // Parameters signed: header (minus signature), query, and a form body. twitter-api-v2 repeats
    // oauth_token in the body of /oauth/access_token but signs it once, and X accepts that, so an
    // oauth_* pair that repeats a header pair exactly is counted once.
    const headerParams = protocol.filter(([name]) => name !== 'oauth_signature');
    const extra = [...ctx.query, ...ctx.form].filter(
      ([name, value]) =>
        !(name.startsWith('oauth_') && headerParams.some(([n, v]) => n === name && v === value)),
    );
    const params = [...headerParams, ...extra];
    const expected = hmacSha1(
      signatureBaseString(ctx.method, ctx.path, params),
      this.app.consumerSecret,
      request?.secret ?? access?.secret ?? '',
    );
    const a = Buffer.from(expected);
    const b = Buffer.from(signature);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw fail();

    const nonceKey = `${tokenValue ?? ''}|${timestamp}|${nonce}`;
    this.forgetOldNonces();
    if (this.seenNonces.has(nonceKey)) throw fail();
    this.seenNonces.set(nonceKey, Date.now());
    return { params, ...(request ? { request } : {}), ...(access ? { access } : {}) };
  }

  private forgetOldNonces(): void {
    const horizon = Date.now() - 2 * MAX_CLOCK_SKEW_S * 1000;
    for (const [key, at] of this.seenNonces) if (at < horizon) this.seenNonces.delete(key);
  }

  /** POST /oauth/request_token */
  requestToken(ctx: RequestContext): Reply {
    const { params } = this.verify(ctx, 'none', 'v1');
    const callback = params.find(([name]) => name === 'oauth_callback')?.[1];
    if (!callback) throw couldNotAuthenticate();
    if (callback !== 'oob' && !this.app.redirectUris.includes(callback)) {
      throw new HttpError(403, {
        errors: [
          {
            code: 415,
            message:
              'Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings',
          },
        ],
      });
    }
    const token: RequestToken = {
      token: randomBytes(20).toString('base64url').replace(/[-_]/g, 'Q').slice(0, 27),
      secret: randomBytes(24).toString('base64url').replace(/[-_]/g, 'Z').slice(0, 32),
      callback,
    };
    this.requestTokens.set(token.token, token);
    const body = new URLSearchParams({
      oauth_token: token.token,
      oauth_token_secret: token.secret,
      oauth_callback_confirmed: 'true',
    }).toString();
    return { kind: 'form', status: 200, body };
  }

  /** GET /oauth/authorize and /oauth/authenticate: the consent page. */
  authorizePage(ctx: RequestContext): Reply {
    const tokenValue = ctx.query.find(([name]) => name === 'oauth_token')?.[1] ?? '';
    const token = this.requestTokens.get(tokenValue);
    if (!token || token.verifier) {
      const page = messagePage(
        'Whoa there!',
        'The request token for this page is invalid. It may have already been used, or expired because it is too old.',
        403,
      );
      return html(page.body, page.status);
    }
    const wanted = ctx.query.find(([name]) => name === 'screen_name')?.[1];
    const state = this.state();
    return html(
      authorizePage({
        appName: this.app.name,
        action: '/oauth/authorize',
        hidden: { oauth_token: token.token },
        accounts: this.signInUsernames
          .map((username) => state.userByUsername(username))
          .filter((u) => u !== undefined)
          .map((u) => ({ username: u.username, name: u.name })),
        selected: wanted && state.userByUsername(wanted) ? wanted : this.defaultUsername,
      }),
    );
  }

  /** POST /oauth/authorize: the person pressed a button. */
  authorizeDecision(ctx: RequestContext): Reply {
    const field = (name: string): string | undefined => ctx.form.find(([key]) => key === name)?.[1];
    const token = this.requestTokens.get(field('oauth_token') ?? '');
    if (!token || token.verifier) {
      const page = messagePage('Whoa there!', 'The request token for this page is invalid.', 403);
      return html(page.body, page.status);
    }
    if (field('cancel') !== undefined || field('allow') === undefined) {
      this.requestTokens.delete(token.token);
      return html(messagePage('Access denied', `You did not authorize ${this.app.name}.`).body);
    }
    // Any seeded person may sign in (tests can pick one); the page offers the sign-in accounts.
    const user = this.state().userByUsername(field('account') ?? this.defaultUsername);
    if (!user) return html(messagePage('Sign in failed', 'No such account.', 400).body, 400);
    token.userId = user.id;
    if (token.callback === 'oob') {
      token.verifier = String(randomInt(0, 10_000_000)).padStart(7, '0');
      return html(pinPage(this.app.name, token.verifier));
    }
    token.verifier = randomBytes(24).toString('base64url');
    const target = new URL(token.callback);
    target.searchParams.set('oauth_token', token.token);
    target.searchParams.set('oauth_verifier', token.verifier);
    return { kind: 'redirect', location: target.toString() };
  }

  /** POST /oauth/access_token: trade the authorized request token and verifier (PIN). */
  accessToken(ctx: RequestContext): Reply {
    const { params, request } = this.verify(ctx, 'request', 'v1');
    const verifier = params.find(([name]) => name === 'oauth_verifier')?.[1];
    if (!request?.userId || !request.verifier || verifier !== request.verifier) {
      throw new HttpError(401, {
        errors: [
          { code: 32, message: 'Error processing your OAuth request: Invalid oauth_verifier parameter' },
        ],
      });
    }
    this.requestTokens.delete(request.token);
    const user = this.state().users.get(request.userId);
    if (!user) throw couldNotAuthenticate();
    const access = this.issueAccessToken(user.id);
    const body = new URLSearchParams({
      oauth_token: access.token,
      oauth_token_secret: access.secret,
      user_id: user.id,
      screen_name: user.username,
    }).toString();
    return { kind: 'form', status: 200, body };
  }

  /** POST /1.1/oauth/invalidate_token, signed with the token being revoked. */
  invalidate(ctx: RequestContext): Reply {
    const { access } = this.verify(ctx, 'access', 'v1');
    if (!access) throw invalidOrExpiredToken();
    this.accessTokens.delete(access.token);
    return { kind: 'json', status: 200, body: { access_token: access.token } };
  }
}
