import { describe, expect, it } from 'vitest';
import { keywordsIn, splitByKeywords } from '@/components/social/keywords';

describe('the rep’s words in a post', () => {
  it('finds whole words in any case and names them as the rep wrote them', () => {
    expect(
      keywordsIn('We are HIRING! Our rfp is out; funding closed.', ['hiring', 'RFP', 'funding']),
    ).toEqual(['hiring', 'RFP', 'funding']);
  });

  it('does not find a word inside another word, in any script', () => {
    expect(keywordsIn('RFPs2 and rehiring and Fundingé', ['RFP', 'hiring', 'funding'])).toEqual([]);
    expect(keywordsIn('Série A: financement bouclé', ['financement'])).toEqual(['financement']);
  });

  it('takes words with signs in them literally', () => {
    expect(keywordsIn('Ask about C++ (and a+b)', ['C++', 'a+b'])).toEqual(['C++', 'a+b']);
    expect(keywordsIn('CXX', ['C++'])).toEqual([]);
  });

  it('cuts text into plain and marked pieces that join back to the text', () => {
    const text = 'Hiring now, hiring always.';
    const pieces = splitByKeywords(text, ['hiring']);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.filter((piece) => piece.keyword)).toHaveLength(2);
    expect(splitByKeywords(text, [])).toEqual([{ text, keyword: null }]);
  });
});
