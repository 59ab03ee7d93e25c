// Helpers for the contract tests: raw HTTPS through the emulator agent, and the two sign-in
// flows driven the way a person would (load the page, press "Authorize app", read the result).
import { request } from 'node:https';
import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import { expect } from 'vitest';
import { emulatorAgent } from './node-agent';
import type { FakeX } from './server';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request to any https://(api.)x.com URL, answered by the emulator. */
export function rawRequest(
  fake: FakeX,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: emulatorAgent(fake) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

export function binaryRequest(
  fake: FakeX,
  url: string,
): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: emulatorAgent(fake) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Read the form of an authorize page and submit it with the given button and account. */
export async function submitAuthorizeForm(
  fake: FakeX,
  pageUrl: string,
  options: { button?: 'allow' | 'cancel'; account?: string } = {},
): Promise<RawResponse> {
  const page = await rawRequest(fake, pageUrl);
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${page.body}`);
  const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
  if (!action) throw new Error('no form on the authorize page');
  const fields = new URLSearchParams();
  for (const input of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.append(unescapeHtml(input[1] ?? ''), unescapeHtml(input[2] ?? ''));
  }
  const selected = /<option value="([^"]+)" selected>/.exec(page.body)?.[1];
  fields.append('account', options.account ?? selected ?? '');
  const button = options.button ?? 'allow';
  fields.append(button, button === 'allow' ? 'Authorize app' : 'Cancel');
  return rawRequest(fake, new URL(unescapeHtml(action), pageUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

export function appClient(fake: FakeX, consumerSecret = fake.app.consumerSecret): TwitterApi {
  return new TwitterApi(
    { appKey: fake.app.consumerKey, appSecret: consumerSecret },
    { httpAgent: emulatorAgent(fake) },
  );
}

/** The PIN flow end to end with twitter-api-v2: request token, authorize page, PIN, access token. */
export async function signInWithPin(fake: FakeX, account?: string) {
  const link = await appClient(fake).generateAuthLink('oob');
  const decision = await submitAuthorizeForm(fake, link.url, account ? { account } : {});
  const pin = /<div id="oauth_pin"><p><kbd[^>]*><code>(\d{7})<\/code><\/kbd><\/p><\/div>/.exec(
    decision.body,
  )?.[1];
  if (!pin) throw new Error(`no PIN on the page: ${decision.body}`);
  const pending = new TwitterApi(
    {
      appKey: fake.app.consumerKey,
      appSecret: fake.app.consumerSecret,
      accessToken: link.oauth_token,
      accessSecret: link.oauth_token_secret,
    },
    { httpAgent: emulatorAgent(fake) },
  );
  return { pin, link, ...(await pending.login(pin)) };
}

export const REDIRECT_URI = 'https://fakex.test/callback';

/** OAuth 2.0 PKCE up to the redirect: returns the code and what loginWithOAuth2 needs. */
export async function authorizeOAuth2(fake: FakeX, scope: string[], account?: string) {
  const client = new TwitterApi({ clientId: fake.app.clientId }, { httpAgent: emulatorAgent(fake) });
  const link = client.generateOAuth2AuthLink(REDIRECT_URI, { scope });
  const decision = await submitAuthorizeForm(fake, link.url, account ? { account } : {});
  const location = String(decision.headers.location ?? '');
  const redirected = new URL(location);
  return {
    client,
    link,
    status: decision.status,
    location,
    state: redirected.searchParams.get('state'),
    code: redirected.searchParams.get('code') ?? '',
  };
}

export async function signInWithOAuth2(fake: FakeX, scope: string[], account?: string) {
  const { client, link, code } = await authorizeOAuth2(fake, scope, account);
  return client.loginWithOAuth2({ code, codeVerifier: link.codeVerifier, redirectUri: REDIRECT_URI });
}

export const ALL_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'follows.read',
  'follows.write',
  'like.write',
  'offline.access',
];

/**
 * The error a twitter-api-v2 call was refused with: fails the test when the call succeeded
 * or failed with anything but X's answer (an `ApiResponseError`).
 */
export async function apiRefusal(promise: Promise<unknown>): Promise<ApiResponseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiResponseError);
  return error as ApiResponseError;
}
