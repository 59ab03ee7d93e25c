/** A piece of text, and whether it is one of the rep's words. */
export interface KeywordPiece {
  text: string;
  keyword: string | null;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-word, any-case pattern for the words: "RFP" finds "rfp," but not "RFPs2". */
function patternOf(keywords: readonly string[]): RegExp | null {
  const words = keywords.map((word) => word.trim()).filter(Boolean);
  if (!words.length) return null;
  // Longest first, so "series a funding" wins over "funding" where both match.
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** `text` cut into plain pieces and keyword pieces (each naming the keyword as the rep wrote it). */
export function splitByKeywords(text: string, keywords: readonly string[]): KeywordPiece[] {
  const pattern = patternOf(keywords);
  if (!pattern) return [{ text, keyword: null }];
  const pieces: KeywordPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ text: text.slice(last, at), keyword: null });
    const found = match[0];
    const keyword = keywords.find((word) => word.trim().toLowerCase() === found.toLowerCase()) ?? found;
    pieces.push({ text: found, keyword });
    last = at + found.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), keyword: null });
  return pieces;
}

/** The rep's words a text holds, each once, as the rep wrote them. */
export function keywordsIn(text: string, keywords: readonly string[]): string[] {
  return [
    ...new Set(
      splitByKeywords(text, keywords)
        .map((piece) => piece.keyword)
        .filter((keyword): keyword is string => keyword !== null),
    ),
  ];
}
