// The X API emulator: one node:http(s) server answering as api.x.com, x.com and 127.0.0.1.
// Requests flow: control API → profile images → route match → faults → auth → rate limit →
// scopes → handler; every API call is logged for tests to count.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { authenticate, requireScopes } from './auth';
import { makeCertificate, spkiFingerprint } from './certificate';
import { Clock } from './clock';
import type { Reply, RequestContext } from './context';
import { handleControl } from './control';
import { Faults } from './faults';
import { decodeForm, isFormBody, isJsonBody, readBody, sendJson, sendText } from './http-util';
import { OAuth1Server } from './oauth1';
import { OAuth2Server } from './oauth2';
import { HttpError, notFoundRoute, tooManyRequests } from './problems';
import { checkQuery } from './query-params';
import { checkBody } from './request-bodies';
import { RateLimiter } from './rate-limits';
import { compile, type Matcher, match } from './router';
import type { Api, ApiRoute } from './routes/api';
import { profileImage } from './routes/images';
import { COUNT_ROUTES } from './routes/counts';
import { TWEET_ROUTES } from './routes/tweets';
import { USER_ROUTES } from './routes/users';
import { SIGN_IN_USERNAMES } from './seed-people';
import type { XState } from './state';
import { buildSeedState, DEFAULT_SIGN_IN_USERNAME, SEEDED_APP } from './world';

export interface FakeXOptions {
  /** serve HTTPS with a fresh self-signed certificate (SAN api.x.com, x.com, localhost, 127.0.0.1) */
  https?: boolean;
  /** 0 (default) picks a free port */
  port?: number;
  seed?: {
    /** time the seeded posts are dated from; default: start (and reset) time */
    now?: number;
    /** OAuth callback URLs registered for the app besides the seeded ones */
    redirectUris?: string[];
  };
}

export interface CallRecord {
  method: string;
  path: string;
  /** route template, e.g. 'GET /2/users/:id/followers' */
  endpoint: string;
  /** authenticated user id, when the call got that far */
  account?: string;
  status: number;
  at: number;
}

export interface SeededAccount {
  userId: string;
  username: string;
  name: string;
}

export interface FakeX {
  origin: string;
  port: number;
  https: boolean;
  /** PEM certificate to trust (https only) */
  certificate?: string;
  /** SPKI SHA-256 (base64) of that certificate, for Chromium's --ignore-certificate-errors-spki-list */
  certificateSpki?: string;
  app: {
    name: string;
    appId: string;
    consumerKey: string;
    consumerSecret: string;
    clientId: string;
    redirectUris: string[];
  };
  /** people who can sign in on the authorize pages; the first is the default */
  accounts: SeededAccount[];
  readonly state: XState;
  readonly calls: readonly CallRecord[];
  callsTo(endpoint: string): CallRecord[];
  faults: Faults;
  limits: RateLimiter;
  clock: Clock;
  /** an OAuth 1.0a access token for a seeded person, without walking the PIN flow */
  issueOAuth1Token(username: string): { accessToken: string; accessSecret: string; userId: string };
  addRedirectUri(uri: string): void;
  reset(): void;
  close(): Promise<void>;
}

const APP_ID = '29384756';

type OAuthHandler = (ctx: RequestContext) => Reply;

export async function startFakeX(options: FakeXOptions = {}): Promise<FakeX> {
  const clock = new Clock();
  const limits = new RateLimiter(clock);
  const seedNow = (): number => options.seed?.now ?? Date.now();
  const redirectUris = [...SEEDED_APP.redirectUris, ...(options.seed?.redirectUris ?? [])];
  // The live world; reset() swaps the state object, so everything reads it through here.
  const world: { state: XState; calls: CallRecord[] } = { state: buildSeedState(seedNow()), calls: [] };
  const currentState = (): XState => world.state;
  const oauth1 = new OAuth1Server(
    { ...SEEDED_APP, redirectUris },
    currentState,
    SIGN_IN_USERNAMES,
    DEFAULT_SIGN_IN_USERNAME,
  );
  const oauth2 = new OAuth2Server(
    { ...SEEDED_APP, redirectUris },
    clock,
    currentState,
    SIGN_IN_USERNAMES,
    DEFAULT_SIGN_IN_USERNAME,
  );
  const faults = new Faults({
    revokeToken: (token) => oauth1.revoke(token) || oauth2.revoke(token),
    advanceClock: (ms) => clock.advance(ms),
    setTokenLifetime: (seconds) => oauth2.setAccessLifetime(seconds),
    setRateLimit: (endpoint, limit, windowMs) => limits.set(endpoint, limit, windowMs),
  });

  const reset = (): void => {
    world.state = buildSeedState(seedNow());
    world.calls.length = 0;
    clock.reset();
    limits.reset();
    faults.clear();
    oauth1.reset();
    oauth2.reset();
  };

  const oauthRoutes: Matcher<OAuthHandler>[] = [
    compile('POST', '/oauth/request_token', (ctx) => oauth1.requestToken(ctx)),
    compile('GET', '/oauth/authorize', (ctx) => oauth1.authorizePage(ctx)),
    compile('GET', '/oauth/authenticate', (ctx) => oauth1.authorizePage(ctx)),
    compile('POST', '/oauth/authorize', (ctx) => oauth1.authorizeDecision(ctx)),
    compile('POST', '/oauth/access_token', (ctx) => oauth1.accessToken(ctx)),
    compile('POST', '/1.1/oauth/invalidate_token', (ctx) => oauth1.invalidate(ctx)),
    compile('GET', '/i/oauth2/authorize', (ctx) => oauth2.authorizePage(ctx)),
    compile('POST', '/i/oauth2/authorize', (ctx) => oauth2.authorizeDecision(ctx)),
    compile('POST', '/2/oauth2/token', (ctx) => oauth2.token(ctx)),
    compile('POST', '/2/oauth2/revoke', (ctx) => oauth2.revokeEndpoint(ctx)),
  ];
  const apiRoutes: Matcher<ApiRoute>[] = [...USER_ROUTES, ...TWEET_ROUTES, ...COUNT_ROUTES].map((route) =>
    compile(route.method, route.template, route),
  );

  let certificate: { key: string; cert: string } | undefined;
  if (options.https) certificate = await makeCertificate();
  const scheme = options.https ? 'https' : 'http';

  const fake: FakeX = {
    origin: '',
    port: 0,
    https: !!options.https,
    ...(certificate
      ? { certificate: certificate.cert, certificateSpki: spkiFingerprint(certificate.cert) }
      : {}),
    app: {
      name: SEEDED_APP.name,
      appId: APP_ID,
      consumerKey: SEEDED_APP.consumerKey,
      consumerSecret: SEEDED_APP.consumerSecret,
      clientId: SEEDED_APP.clientId,
      redirectUris,
    },
    accounts: SIGN_IN_USERNAMES.map((username) => {
      const user = world.state.userByUsername(username);
      if (!user) throw new Error(`seed lacks @${username}`);
      return { userId: user.id, username: user.username, name: user.name };
    }),
    get state() {
      return world.state;
    },
    get calls() {
      return world.calls;
    },
    callsTo: (endpoint) => world.calls.filter((call) => call.endpoint === endpoint),
    faults,
    limits,
    clock,
    issueOAuth1Token(username) {
      const user = world.state.userByUsername(username);
      if (!user) throw new Error(`no seeded @${username}`);
      const token = oauth1.issueAccessToken(user.id);
      return { accessToken: token.token, accessSecret: token.secret, userId: user.id };
    },
    addRedirectUri(uri) {
      // one array shared by both OAuth servers, like one app's callback list in the portal
      if (!redirectUris.includes(uri)) redirectUris.push(uri);
    },
    reset,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { title: 'Internal Error', detail: String(error), type: 'about:blank' });
      else res.destroy();
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? `127.0.0.1:${fake.port}`;
    const url = new URL(req.url ?? '/', `${scheme}://${host}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    const text = rawBody.toString('utf8');
    let parsedJson: unknown;
    if (isJsonBody(req) && text) {
      try {
        parsedJson = JSON.parse(text);
      } catch {
        parsedJson = undefined;
      }
    }
    const ctx: RequestContext = {
      req,
      method,
      path: url.pathname,
      query: decodeForm(url.search.slice(1)),
      form: isFormBody(req) ? decodeForm(text) : [],
      json: parsedJson,
      origin: `${scheme}://${host}`,
      params: {},
      endpoint: '',
      headers: {},
    };

    if (ctx.path.startsWith('/__fakex/')) {
      const reply = handleControl(ctx, fake);
      return write(res, reply, {});
    }
    if (method === 'GET') {
      const image = profileImage(ctx, world.state);
      if (image) return write(res, image, { 'cache-control': 'max-age=604800' });
    }

    const oauth = match(oauthRoutes, method, ctx.path);
    const api = oauth ? undefined : match(apiRoutes, method, ctx.path);
    const template = oauth?.matcher.template ?? api?.matcher.template;
    if (!template) return write(res, errorReply(notFoundRoute()), {});
    ctx.endpoint = `${method} ${template}`;
    ctx.params = oauth?.params ?? api?.params ?? {};

    if (faults.takeDrop(ctx.endpoint)) {
      world.calls.push({ method, path: ctx.path, endpoint: ctx.endpoint, status: 0, at: clock.now() });
      res.socket?.destroy();
      return;
    }
    const delay = faults.latencyFor(ctx.endpoint);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    let reply: Reply;
    try {
      const injected = faults.takeStatus(ctx.endpoint);
      if (injected) {
        reply = {
          kind: 'json',
          status: injected.status,
          body: injected.body ?? genericProblem(injected.status),
        };
      } else if (oauth) {
        reply = oauth.matcher.value(ctx);
      } else if (api) {
        reply = runApi(ctx, api.matcher.value);
      } else {
        reply = errorReply(notFoundRoute());
      }
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = errorReply(error);
    }
    world.calls.push({
      method,
      path: ctx.path,
      endpoint: ctx.endpoint,
      ...(ctx.userId ? { account: ctx.userId } : {}),
      status: reply.kind === 'json' || reply.kind === 'html' || reply.kind === 'form' ? reply.status : 200,
      at: clock.now(),
    });
    write(res, reply, ctx.headers);
  }

  function runApi(ctx: RequestContext, route: ApiRoute): Reply {
    const caller = authenticate(ctx, oauth1, oauth2);
    ctx.userId = caller.userId;
    const limit = limits.take(ctx.endpoint, caller.userId);
    if (limit) Object.assign(ctx.headers, limit.headers);
    if (limit && !limit.allowed) throw tooManyRequests();
    requireScopes(caller, route.scopes);
    checkQuery(ctx.endpoint, ctx.query);
    checkBody(ctx.endpoint, ctx.json);
    const apiContext: Api = { state: world.state, clock, faults, appId: APP_ID };
    return route.handler(ctx, apiContext, caller);
  }

  function write(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
    if (reply.kind === 'json') {
      sendJson(res, reply.status, reply.body, headers);
    } else if (reply.kind === 'form' || reply.kind === 'html') {
      // X answers the /oauth token endpoints as text/html with a form-encoded body, too
      sendText(res, reply.status, 'text/html; charset=utf-8', reply.body, headers);
    } else if (reply.kind === 'png') {
      sendText(res, 200, 'image/png', reply.body, headers);
    } else {
      res.writeHead(302, { location: reply.location, ...headers });
      res.end();
    }
  }

  const server: Server = certificate
    ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler)
    : createHttpServer(handler);
  // Keep-alive sockets would hold close() open; tests start and stop servers often.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  fake.port = address.port;
  fake.origin = `${scheme}://127.0.0.1:${address.port}`;
  const close = fake.close;
  fake.close = () => {
    server.closeAllConnections();
    return close();
  };
  return fake;
}

function errorReply(error: HttpError): Reply {
  return { kind: 'json', status: error.status, body: error.body };
}

function genericProblem(status: number): { title: string; detail: string; type: string; status: number } {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
  };
  const title = titles[status] ?? 'Error';
  return { title, detail: title, type: 'about:blank', status };
}
