/** Collapses runs of whitespace; page text arrives with layout newlines and nbsp. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function fieldValue(element: Element | null | undefined): string {
  if (!element) return '';
  const input = element.matches('input, textarea') ? element : element.querySelector('input, textarea');
  if (input) return cleanText((input as HTMLInputElement).value);
  return cleanText(element.textContent);
}

/**
 * Reads a field by the label the user sees ("Email", "Twitter"), which survives CRM redesigns
 * better than generated class names: the value is the label's next sibling, or the next
 * sibling of the label's parent when the label is wrapped.
 */
export function readByLabel(root: ParentNode, labels: readonly string[]): string | undefined {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  for (const element of root.querySelectorAll('label, span, div, dt, th, td, lyte-text, p')) {
    if (element.childElementCount > 0) continue;
    const text = cleanText(element.textContent).replace(/:$/, '').toLowerCase();
    if (!wanted.has(text)) continue;
    // The label's own sibling holds the value, even when empty; only a label wrapped alone
    // in its cell looks at the next cell. Never read on into the next row.
    const cell = element.nextElementSibling ?? element.parentElement?.nextElementSibling;
    if (cell) return fieldValue(cell) || undefined;
  }
  return undefined;
}
