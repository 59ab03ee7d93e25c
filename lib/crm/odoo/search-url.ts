/**
 * Odoo's contacts, in the database of one of its record pages. Odoo's addresses carry no
 * search words, so the list opens and the rep types the name in its search box.
 */
export function odooSearchUrl(recordUrl: URL, _name: string): string | null {
  return `${recordUrl.origin}/odoo/contacts`;
}
