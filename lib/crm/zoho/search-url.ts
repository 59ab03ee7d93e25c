/**
 * Zoho CRM's own search for `name`, in the org and data centre of one of its record pages:
 * `https://crm.zoho.<dc>/crm/<org>/search?searchword=<name>` (the address Zoho's search box
 * opens). Null when the page's path names no org.
 */
export function zohoSearchUrl(recordUrl: URL, name: string): string | null {
  const org = /^\/crm\/(org\d+)\//.exec(recordUrl.pathname)?.[1];
  if (!org) return null;
  return `${recordUrl.origin}/crm/${org}/search?searchword=${encodeURIComponent(name)}`;
}
