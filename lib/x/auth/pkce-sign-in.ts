import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import type { Account } from '../../store/schema';
import { createXClient, type XFetch } from '../client';
import { toXError, XError } from '../errors';

/** What the product does on X; offline.access brings the refresh token. */
export const OAUTH2_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'follows.read',
  'follows.write',
  'like.read',
  'like.write',
  'offline.access',
] as const;

/** Opens a browser window on X's page; separated so tests can drive it. */
export type WebAuthFlow = (url: string) => Promise<string | undefined>;

const launch: WebAuthFlow = (url) => browser.identity.launchWebAuthFlow({ url, interactive: true });

/**
 * "Sign in with X": OAuth 2.0 with PKCE (S256) through the browser's own auth window. The
 * verifier and state come from crypto.getRandomValues inside twitter-api-v2's helper (our
 * crypto stand-in), and never leave the worker.
 */
export async function pkceSignIn(
  clientId: string,
  name: string,
  options: { fetch?: XFetch; webAuthFlow?: WebAuthFlow } = {},
): Promise<Account> {
  const redirectUri = browser.identity.getRedirectURL();
  const app = createXClient({ clientId }, options.fetch);
  const link = app.generateOAuth2AuthLink(redirectUri, { scope: [...OAUTH2_SCOPES] });
  let answer: string | undefined;
  try {
    answer = await (options.webAuthFlow ?? launch)(link.url);
  } catch {
    // The user closed X's window, or X refused the client id or callback URL.
    throw new XError('refused', t('oauth2Cancelled'));
  }
  const returned = answer ? new URL(answer) : null;
  const code = returned?.searchParams.get('code');
  if (!returned || returned.searchParams.get('state') !== link.state || !code) {
    throw new XError('refused', t('oauth2Cancelled'));
  }
  try {
    const signedIn = await app.loginWithOAuth2({ code, codeVerifier: link.codeVerifier, redirectUri });
    const me = await signedIn.client.v2.me({ 'user.fields': ['profile_image_url'] });
    return {
      xUserId: me.data.id,
      name,
      handle: me.data.username,
      avatarUrl: me.data.profile_image_url ?? '',
      authKind: 'oauth2',
      enabled: true,
      isDefault: false,
      needsSignIn: false,
      oauth2: {
        accessToken: signedIn.accessToken,
        refreshToken: signedIn.refreshToken ?? null,
        expiresAt: Date.now() + signedIn.expiresIn * 1000,
        scope: signedIn.scope.join(' '),
      },
    };
  } catch (error) {
    throw toXError(error);
  }
}

/** New tokens from a refresh token; X rotates it, so the old one is spent after this. */
export async function refreshOauth2(clientId: string, refreshToken: string, fetchImpl?: XFetch) {
  const app = createXClient({ clientId }, fetchImpl);
  const refreshed = await app.refreshOAuth2Token(refreshToken);
  return {
    accessToken: refreshed.accessToken,
    refreshToken: refreshed.refreshToken ?? null,
    expiresAt: Date.now() + refreshed.expiresIn * 1000,
    scope: refreshed.scope.join(' '),
  };
}

/** Revokes an OAuth 2.0 account's tokens at X. */
export async function revokeOauth2(clientId: string, account: Account, fetchImpl?: XFetch): Promise<void> {
  if (!account.oauth2) return;
  const app = createXClient({ clientId }, fetchImpl);
  try {
    if (account.oauth2.refreshToken)
      await app.revokeOAuth2Token(account.oauth2.refreshToken, 'refresh_token');
    await app.revokeOAuth2Token(account.oauth2.accessToken, 'access_token');
  } catch (error) {
    throw toXError(error);
  }
}
