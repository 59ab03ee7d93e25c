/**
 * Salesforce's global search for `name` in the org of one of its record pages. The classic
 * search address, which Lightning Experience forwards to its own search page, works in both.
 */
export function salesforceSearchUrl(recordUrl: URL, name: string): string | null {
  return `${recordUrl.origin}/_ui/search/ui/UnifiedSearchResults?searchType=2&str=${encodeURIComponent(name)}`;
}
