import type { MessageKey } from '../i18n';
import type { XPerson } from './people';

/** What the CRM knows about the record, to judge which X person it is. */
export interface MatchClues {
  fullName: string;
  company?: string;
  email?: string;
}

export interface RankedPerson {
  person: XPerson;
  /** 0–100: how sure we are this is the record's person. */
  confidence: number;
  /** Why, as message keys with their substitution, for the panel to show. */
  reasons: { key: MessageKey; detail: string }[];
}

const squash = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Legal suffixes that say nothing about which company it is. */
const COMPANY_NOISE = /\b(inc|llc|ltd|gmbh|sa|srl|corp|co|plc|ag|bv)\b\.?/gi;

/** Orders search results by how well they fit what the CRM knows, best first, each with its reasons. */
export function rankPeople(clues: MatchClues, people: XPerson[]): RankedPerson[] {
  const company = squash((clues.company ?? '').replace(COMPANY_NOISE, ''));
  const emailDomain = clues.email?.split('@')[1]?.toLowerCase() ?? null;
  const name = squash(clues.fullName);
  const ranked = people.map((person, index) => {
    const reasons: RankedPerson['reasons'] = [];
    let score = 0;
    const site = domainOf(person.url);
    if (
      company.length >= 3 &&
      (squash(person.bio).includes(company) || (site && squash(site).includes(company)))
    ) {
      score += 45;
      reasons.push({ key: 'matchCompany', detail: clues.company ?? '' });
    }
    if (emailDomain && site && (site === emailDomain || site.endsWith(`.${emailDomain}`))) {
      score += 40;
      reasons.push({ key: 'matchEmailDomain', detail: emailDomain });
    }
    if (name && squash(person.name) === name) {
      score += 15;
      reasons.push({ key: 'matchName', detail: person.name });
    }
    return { person, confidence: Math.min(100, score), reasons, index };
  });
  // Ties keep X's own order.
  ranked.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return ranked.map(({ index: _index, ...rest }) => rest);
}
