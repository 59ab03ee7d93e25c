// HTTP control API under /__fakex/, for browser-driven tests and other processes:
// the same powers FakeX gives in-process (reset, faults, state, call log).
import { json, type Reply, type RequestContext } from './context';
import { postAs } from './conversations';
import type { FakeX } from './server';

type Body = Record<string, unknown>;

function numberOf(body: Body, name: string): number | undefined {
  const value = body[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringOf(body: Body, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

function objectOf(body: Body, name: string): Body | undefined {
  const value = body[name];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : undefined;
}

/** Apply a faults document; every key is optional and several can be combined in one POST. */
function applyFaults(fake: FakeX, body: Body): void {
  const latency = objectOf(body, 'latency');
  if (latency) fake.faults.latency(numberOf(latency, 'ms') ?? 0, stringOf(latency, 'endpoint') ?? '*');
  const status = objectOf(body, 'status');
  if (status) {
    fake.faults.failNext(
      stringOf(status, 'endpoint') ?? '*',
      numberOf(status, 'status') ?? 500,
      numberOf(status, 'count') ?? 1,
      status.body,
    );
  }
  const drop = objectOf(body, 'drop');
  if (drop) fake.faults.dropNext(stringOf(drop, 'endpoint') ?? '*', numberOf(drop, 'count') ?? 1);
  const revoke = stringOf(body, 'revokeToken');
  if (revoke) fake.faults.revokeToken(revoke);
  if (typeof body.usersSearchForbidden === 'boolean')
    fake.faults.setUsersSearchForbidden(body.usersSearchForbidden);
  const advance = numberOf(body, 'advanceClockMs');
  if (advance) fake.faults.advanceClock(advance);
  const lifetime = numberOf(body, 'tokenLifetimeSeconds');
  if (lifetime) fake.faults.setTokenLifetime(lifetime);
  const rateLimit = objectOf(body, 'rateLimit');
  if (rateLimit) {
    const endpoint = stringOf(rateLimit, 'endpoint');
    const limit = numberOf(rateLimit, 'limit');
    if (endpoint && limit !== undefined) fake.limits.set(endpoint, limit, numberOf(rateLimit, 'windowMs'));
  }
  const dailyCap = objectOf(body, 'dailyCap');
  if (dailyCap) {
    const endpoint = stringOf(dailyCap, 'endpoint');
    const scope = stringOf(dailyCap, 'scope');
    if (endpoint && (scope === 'user' || scope === 'app')) {
      const limit = numberOf(dailyCap, 'limit');
      const remaining = numberOf(dailyCap, 'remaining');
      const resetInMs = numberOf(dailyCap, 'resetInMs');
      const userId = stringOf(dailyCap, 'userId');
      fake.limits.setDaily({
        endpoint,
        scope,
        ...(limit === undefined ? {} : { limit }),
        ...(remaining === undefined ? {} : { remaining }),
        ...(resetInMs === undefined ? {} : { resetInMs }),
        ...(userId === undefined ? {} : { userId }),
      });
    }
  }
}

function snapshot(fake: FakeX): Body {
  const state = fake.state;
  return {
    users: state.users.size,
    posts: [...state.posts.values()],
    follows: [...state.follows.values()].map(({ sourceId, targetId }) => ({ sourceId, targetId })),
    likes: [...state.likes].map((key) => {
      const [userId, postId] = key.split(':');
      return { userId, postId };
    }),
    retweets: [...state.retweets.entries()].map(([key, repostId]) => {
      const [userId, postId] = key.split(':');
      return { userId, postId, repostId };
    }),
  };
}

export function handleControl(ctx: RequestContext, fake: FakeX): Reply {
  const body: Body = ctx.json && typeof ctx.json === 'object' ? (ctx.json as Body) : {};
  const route = `${ctx.method} ${ctx.path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__fakex':
    case 'GET /__fakex/info':
      return json({
        origin: fake.origin,
        app: fake.app,
        accounts: fake.accounts,
        certificate: fake.certificate,
        certificateSpki: fake.certificateSpki,
      });
    case 'POST /__fakex/reset':
      fake.reset();
      return json({ reset: true });
    case 'GET /__fakex/state':
      return json(snapshot(fake));
    case 'GET /__fakex/state/posts':
      return json(snapshot(fake).posts);
    case 'GET /__fakex/calls':
      return json(fake.calls);
    case 'POST /__fakex/faults':
      try {
        applyFaults(fake, body);
      } catch (error) {
        return json({ error: (error as Error).message }, 400);
      }
      return json({ ok: true });
    case 'DELETE /__fakex/faults':
      fake.faults.clear();
      return json({ ok: true });
    case 'POST /__fakex/redirect-uris': {
      const uri = stringOf(body, 'uri');
      if (!uri) return json({ error: 'uri required' }, 400);
      fake.addRedirectUri(uri);
      return json({ redirectUris: fake.app.redirectUris });
    }
    case 'POST /__fakex/posts': {
      const username = stringOf(body, 'username');
      const text = stringOf(body, 'text');
      if (!username || !text) return json({ error: 'username and text required' }, 400);
      const replyTo = stringOf(body, 'replyTo');
      const quoteOf = stringOf(body, 'quoteOf');
      try {
        const post = postAs(
          fake.state,
          { username, text, ...(replyTo ? { replyTo } : {}), ...(quoteOf ? { quoteOf } : {}) },
          fake.clock.now(),
        );
        return json(post, 201);
      } catch (error) {
        return json({ error: (error as Error).message }, 400);
      }
    }
    case 'POST /__fakex/tokens/oauth1': {
      const username = stringOf(body, 'username');
      const user = username ? fake.state.userByUsername(username) : undefined;
      if (!user) return json({ error: 'unknown username' }, 400);
      return json(fake.issueOAuth1Token(user.username));
    }
    default:
      return json({ error: `no control route ${route}` }, 404);
  }
}
