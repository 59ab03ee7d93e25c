import { describe, expect, it } from 'vitest';
import { partsText, type TextPart, textParts, unescapeX, webHref } from '@/lib/x/post-text';

const REPORT = {
  start: 16,
  end: 39,
  url: 'https://t.co/Ab12Cd34Ef',
  expanded_url: 'https://acme.example/report-2026',
  display_url: 'acme.example/report-2026',
};

const links = (parts: TextPart[]) => parts.filter((part) => part.kind !== 'text');

describe('X escaping, undone once', () => {
  it('shows Q&amp;A as Q&A, and every escaped <, > and & as typed', () => {
    expect(partsText(textParts('Q&amp;A at 3pm', undefined, true))).toBe('Q&A at 3pm');
    expect(partsText(textParts('a &lt;b&gt; &amp; c', {}, true))).toBe('a <b> & c');
  });

  it('decodes a double escape only once: &amp;amp; is the literal &amp; a person typed', () => {
    expect(unescapeX('&amp;amp; &amp;lt;')).toBe('&amp; &lt;');
    expect(partsText(textParts('R&amp;amp;D', {}, true))).toBe('R&amp;D');
  });

  it('leaves other references alone (X escapes nothing else) and unescaped text untouched', () => {
    expect(partsText(textParts('&quot;hi&quot; &#39;', {}, true))).toBe('&quot;hi&quot; &#39;');
    expect(partsText(textParts('Q&amp;A', {}, false))).toBe('Q&amp;A');
  });

  it('keeps markup as text parts: nothing in a part is meant as HTML', () => {
    const parts = textParts('&lt;img src=x onerror=alert(1)&gt;', {}, true);
    expect(parts).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });
});

describe('links from entities', () => {
  it('shows a t.co link by its display URL, pointing to the expanded URL with it as title', () => {
    const parts = textParts('Read our report https://t.co/Ab12Cd34Ef', { urls: [REPORT] }, true);
    expect(parts).toEqual([
      { kind: 'text', text: 'Read our report ' },
      {
        kind: 'link',
        text: 'acme.example/report-2026',
        href: 'https://acme.example/report-2026',
        title: 'https://acme.example/report-2026',
      },
    ]);
  });

  it('links only http and https: a javascript: or data: expanded URL is shown, not linked', () => {
    for (const expanded of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://x.example/a']) {
      const [, link] = textParts(
        'see https://t.co/Ab12Cd34Ef',
        {
          urls: [{ start: 4, end: 27, url: 'https://t.co/Ab12Cd34Ef', expanded_url: expanded }],
        },
        true,
      );
      expect(link).toEqual({ kind: 'link', text: expanded, href: null, title: expanded });
    }
    expect(webHref('HTTPS://Acme.example/x')).toBe('https://acme.example/x');
  });

  it('counts offsets in code points: emoji and other astral characters before a link', () => {
    // 👋🏽 is four UTF-16 units, two code points; 𝕏 is two units, one code point.
    const text = '👋🏽 𝕏 news https://t.co/Ab12Cd34Ef @maria_acme #Robótica';
    const entities = {
      urls: [
        {
          start: 10,
          end: 33,
          url: 'https://t.co/Ab12Cd34Ef',
          expanded_url: 'https://acme.example/a',
          display_url: 'acme.example/a',
        },
      ],
      mentions: [{ start: 34, end: 45, username: 'maria_acme' }],
      hashtags: [{ start: 46, end: 55, tag: 'Robótica' }],
    };
    const parts = textParts(text, entities, true);
    expect(links(parts).map((part) => [part.kind, part.text])).toEqual([
      ['link', 'acme.example/a'],
      ['mention', '@maria_acme'],
      ['hashtag', '#Robótica'],
    ]);
    expect(partsText(parts)).toBe('👋🏽 𝕏 news acme.example/a @maria_acme #Robótica');
  });

  it('finds an entity whose offsets were counted in UTF-16 units', () => {
    const text = '🚀 https://t.co/Ab12Cd34Ef';
    const parts = textParts(text, { urls: [{ ...REPORT, start: 3, end: 26 }] }, true);
    expect(partsText(parts)).toBe('🚀 acme.example/report-2026');
  });

  it('finds an entity whose offsets refer to the unescaped text', () => {
    // In "Q&A" unescaped the link starts at 4; in the escaped text X sent it starts at 8.
    const parts = textParts(
      'Q&amp;A https://t.co/Ab12Cd34Ef',
      { urls: [{ ...REPORT, start: 4, end: 27 }] },
      true,
    );
    expect(partsText(parts)).toBe('Q&A acme.example/report-2026');
  });

  it('links mentions to the X profile and hashtags and cashtags to X search', () => {
    const parts = textParts(
      '@Maria_Acme #AskAcme $ACME',
      {
        mentions: [{ start: 0, end: 11, username: 'Maria_Acme' }],
        hashtags: [{ start: 12, end: 20, tag: 'AskAcme' }],
        cashtags: [{ start: 21, end: 26, tag: 'ACME' }],
      },
      true,
    );
    expect(links(parts)).toEqual([
      { kind: 'mention', text: '@Maria_Acme', href: 'https://x.com/Maria_Acme' },
      { kind: 'hashtag', text: '#AskAcme', href: 'https://x.com/search?q=%23AskAcme' },
      { kind: 'cashtag', text: '$ACME', href: 'https://x.com/search?q=%24ACME' },
    ]);
  });
});

describe('a hostile or broken answer', () => {
  it('ignores entities out of range, negative, reversed, overlapping or malformed, and loses no text', () => {
    const text = 'Read our report https://t.co/Ab12Cd34Ef now';
    const parts = textParts(
      text,
      {
        urls: [
          REPORT,
          { ...REPORT, start: 20, end: 43 }, // overlaps the first
          { start: 500, end: 523, url: 'https://t.co/zzzzzzzzzz' }, // nowhere in the text
          { start: -1, end: 4, url: 'Read' },
          { start: 9, end: 3, url: 'x' },
          { start: 'a', end: null },
          null,
        ],
        mentions: [{ start: 0, end: 4, username: 'no such handle!' }],
        hashtags: 'not a list',
      },
      true,
    );
    expect(links(parts)).toHaveLength(1);
    expect(partsText(parts)).toBe('Read our report acme.example/report-2026 now');
  });

  it('does not link a mention whose text is not there', () => {
    const parts = textParts('hello world', { mentions: [{ start: 0, end: 5, username: 'hello' }] }, true);
    expect(parts).toEqual([{ kind: 'text', text: 'hello world' }]);
  });

  it('survives entities that are not an object at all', () => {
    for (const entities of [null, 42, 'x', [], { urls: {} }]) {
      expect(partsText(textParts('a &amp; b', entities, true))).toBe('a & b');
    }
  });
});
