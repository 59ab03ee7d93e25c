import { describe, expect, it } from 'vitest';
import { isSamePost, linksOf, type XLink } from '@/lib/x/same-post';

const TCO = 'https://t.co/Ab12Cd34Ef';
const TCO2 = 'https://t.co/Zz98Yy76Xx';
const link = (expandedUrl: string, url = TCO): XLink => ({ url, expandedUrl });

describe('isSamePost: X’s copy of a post, compared through its entities', () => {
  it.each<[label: string, sent: string, xText: string, links: XLink[]]>([
    [
      'a link written without a scheme, which X expands with http://',
      'Slides from today: acme.io/q3-deck',
      `Slides from today: ${TCO}`,
      [link('http://acme.io/q3-deck')],
    ],
    [
      'the same, X expanding it with https://',
      'Slides from today: acme.io/q3-deck',
      `Slides from today: ${TCO}`,
      [link('https://acme.io/q3-deck')],
    ],
    [
      'a link on a new top-level domain, with its query',
      'Recording: https://events.acme.consulting/webinars/2026-spring/recording?lang=en',
      `Recording: ${TCO}`,
      [link('https://events.acme.consulting/webinars/2026-spring/recording?lang=en')],
    ],
    ['a bare domain', 'Visit acme.io', `Visit ${TCO}`, [link('http://acme.io/')]],
    ['a host written in capitals', 'Deck: Acme.IO/deck', `Deck: ${TCO}`, [link('http://Acme.IO/deck')]],
    [
      'an IDN host, which X may give in its DNS form',
      'Angebote: https://bücher.shop/neu',
      `Angebote: ${TCO}`,
      [link('https://xn--bcher-kva.shop/neu')],
    ],
    [
      'two links, with the entities listed out of order',
      'acme.io/a then https://acme.io/b',
      `${TCO} then ${TCO2}`,
      [
        { url: TCO2, expandedUrl: 'https://acme.io/b' },
        { url: TCO, expandedUrl: 'http://acme.io/a' },
      ],
    ],
    [
      '&, < and > escaped by X',
      'Q&A <3 at acme.io > 2pm',
      `Q&amp;A &lt;3 at ${TCO} &gt; 2pm`,
      [link('http://acme.io')],
    ],
    ['escaping decoded once: an "&amp;" typed as such', 'Write &amp; in HTML', 'Write &amp;amp; in HTML', []],
    ['an accent typed decomposed (NFD), stored composed', 'Caf\u0065\u0301 at 9', 'Caf\u00e9 at 9', []],
    ['white space X trims or keeps differently', '  Two  spaces\nand a line  ', 'Two spaces and a line', []],
    [
      'an email address and a file name, which are not links',
      'Mail sales@acme.io about file_name.txt',
      'Mail sales@acme.io about file_name.txt',
      [],
    ],
    [
      'a link in parentheses with a full stop after',
      'See (acme.io/q3-deck).',
      `See (${TCO}).`,
      [link('http://acme.io/q3-deck')],
    ],
  ])('the same post: %s', (_label, sent, xText, links) => {
    expect(isSamePost(sent, xText, links)).toBe(true);
  });

  it.each<[label: string, sent: string, xText: string, links: XLink[]]>([
    ['a link to another page', 'Slides: acme.io/q3-deck', `Slides: ${TCO}`, [link('http://acme.io/q4-deck')]],
    [
      'a link to another host',
      'Slides: acme.io/q3-deck',
      `Slides: ${TCO}`,
      [link('http://acme.com/q3-deck')],
    ],
    [
      'a path in other capitals',
      'Slides: acme.io/Q3-deck',
      `Slides: ${TCO}`,
      [link('http://acme.io/q3-deck')],
    ],
    ['a t.co link without its entity', 'Slides: acme.io/q3-deck', `Slides: ${TCO}`, []],
    [
      'other words around the same link',
      'Slides from today: acme.io/q3-deck',
      `Slides from Monday: ${TCO}`,
      [link('http://acme.io/q3-deck')],
    ],
    ['a link X made where the text had none', 'Slides soon', `Slides ${TCO}`, [link('http://soon.io')]],
    ['one link fewer', 'acme.io/a and acme.io/b', `${TCO} and acme.io/b`, [link('http://acme.io/a')]],
    ['an & where X has a literal "&amp;"', 'Q&A', 'Q&amp;amp;A', []],
    [
      'a different character',
      'Slides: acme.io/q3-deck!',
      `Slides: ${TCO}?`,
      [link('http://acme.io/q3-deck')],
    ],
  ])('not the same post: %s', (_label, sent, xText, links) => {
    expect(isSamePost(sent, xText, links)).toBe(false);
  });
});

describe('linksOf', () => {
  it('keeps well-formed entities in text order and drops the rest', () => {
    expect(
      linksOf([
        { url: TCO2, expanded_url: 'https://acme.io/b', start: 30, end: 53 },
        { url: TCO, expanded_url: 'http://acme.io/a', start: 0, end: 23 },
        { url: 7, expanded_url: 'http://acme.io/c' },
        null,
        'https://t.co/x',
        { url: 'https://t.co/y' },
      ]),
    ).toEqual([
      { url: TCO, expandedUrl: 'http://acme.io/a' },
      { url: TCO2, expandedUrl: 'https://acme.io/b' },
    ]);
    expect(linksOf(undefined)).toEqual([]);
    expect(linksOf({ url: TCO })).toEqual([]);
  });
});
