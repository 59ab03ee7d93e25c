/** Dynamics 365's search page (`pagetype=search`) in the environment and app of one of its record pages. */
export function dynamicsSearchUrl(recordUrl: URL, name: string): string | null {
  const app = recordUrl.searchParams.get('appid');
  const params = new URLSearchParams({
    ...(app ? { appid: app } : {}),
    pagetype: 'search',
    searchText: name,
  });
  return `${recordUrl.origin}/main.aspx?${params}`;
}
