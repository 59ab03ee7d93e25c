/** Pipedrive's search of the company of one of its record pages (its own subdomain), for `name`. */
export function pipedriveSearchUrl(recordUrl: URL, name: string): string | null {
  return `${recordUrl.origin}/search?term=${encodeURIComponent(name)}`;
}
