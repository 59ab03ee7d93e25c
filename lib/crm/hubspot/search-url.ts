/** HubSpot's contact list of the portal of one of its record pages, searched for `name`. */
export function hubspotSearchUrl(recordUrl: URL, name: string): string | null {
  const portal = /^\/contacts\/(\d+)\//.exec(recordUrl.pathname)?.[1];
  if (!portal) return null;
  return `${recordUrl.origin}/contacts/${portal}/objects/0-1/views/all/list?query=${encodeURIComponent(name)}`;
}
