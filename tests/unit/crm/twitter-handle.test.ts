import { describe, expect, it } from 'vitest';
import { isValidHandle, parseTwitterField } from '@/lib/crm/twitter-handle';

describe('parseTwitterField', () => {
  it.each([
    ['jack', 'jack'],
    ['@jack', 'jack'],
    ['  @jnunezob  ', 'jnunezob'],
    ['priya_n', 'priya_n'],
    ['A_1234567890_bc', 'A_1234567890_bc'],
    ['https://x.com/priya_n?lang=en', 'priya_n'],
    ['https://twitter.com/jack', 'jack'],
    ['http://twitter.com/jack', 'jack'],
    ['https://www.twitter.com/jack/', 'jack'],
    ['https://mobile.twitter.com/jack', 'jack'],
    ['https://mobile.x.com/jack', 'jack'],
    ['x.com/jack', 'jack'],
    ['www.x.com/jack', 'jack'],
    ['twitter.com/Jack_Dorsey', 'Jack_Dorsey'],
    ['https://x.com/jack/status/20', 'jack'],
    ['https://x.com/jack#replies', 'jack'],
    ['https://X.COM/jack', 'jack'],
    ['https://twitter.com/#!/jack', 'jack'],
    ['https://x.com/jack/with_replies?s=20&t=abc', 'jack'],
  ])('reads %j as the handle %s', (raw, handle) => {
    expect(parseTwitterField(raw)).toEqual({ kind: 'handle', handle });
  });

  it.each(['', '   ', '\n\t'])('reads %j as empty', (raw) => {
    expect(parseTwitterField(raw)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['ask me', 'ask me'],
    ['@', '@'],
    ['@@jack', '@@jack'],
    ['@jack @jill', '@jack @jill'],
    ['this_handle_is_too_long', 'this_handle_is_too_long'],
    ['jack.dorsey', 'jack.dorsey'],
    ['jack@acmerobotics.com', 'jack@acmerobotics.com'],
    ['https://x.com/home', 'https://x.com/home'],
    ['https://x.com/i/user/12', 'https://x.com/i/user/12'],
    [
      'https://twitter.com/intent/follow?screen_name=jack',
      'https://twitter.com/intent/follow?screen_name=jack',
    ],
    ['https://x.com/search?q=jack', 'https://x.com/search?q=jack'],
    ['https://x.com/settings/profile', 'https://x.com/settings/profile'],
    ['https://x.com/explore', 'https://x.com/explore'],
    ['https://x.com/hashtag/crm', 'https://x.com/hashtag/crm'],
    ['https://x.com/', 'https://x.com/'],
    ['https://x.com/@jack', 'https://x.com/@jack'],
    ['https://x.com.evil.example/jack', 'https://x.com.evil.example/jack'],
    ['https://notx.com/jack', 'https://notx.com/jack'],
    ['https://www.linkedin.com/in/jack', 'https://www.linkedin.com/in/jack'],
    ['ftp://x.com/jack', 'ftp://x.com/jack'],
    ['  n/a ', 'n/a'],
  ])('reads %j as invalid, never as a guess', (raw, kept) => {
    expect(parseTwitterField(raw)).toEqual({ kind: 'invalid', raw: kept });
  });
});

describe('isValidHandle', () => {
  it.each(['jack', 'J', '_', '123456789012345', 'a_b_c'])('accepts %s', (handle) => {
    expect(isValidHandle(handle)).toBe(true);
  });
  it.each(['', '@jack', '1234567890123456', 'jack-d', 'jöse', 'jack '])('rejects %j', (handle) => {
    expect(isValidHandle(handle)).toBe(false);
  });
});
