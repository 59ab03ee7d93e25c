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

/** The tags a field's label may be written in. */
const LABEL_TAGS = new Set(['LABEL', 'SPAN', 'DIV', 'DT', 'TH', 'TD', 'LYTE-TEXT', 'P']);

/**
 * The elements under `root` that may hold a label, in document order, found as they are walked
 * to: a reader that stops at its label walks only the page before it, where querySelectorAll
 * would first match every element of the page (5,000 on a large record, each time).
 */
function* labelCandidates(root: ParentNode): Generator<Element> {
  const start = root as Node;
  const walker = (start.ownerDocument ?? (start as Document)).createTreeWalker(
    start,
    NodeFilter.SHOW_ELEMENT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (LABEL_TAGS.has((node as Element).tagName)) yield node as Element;
  }
}

/**
 * Reads a field by the label the user sees ("Email", "Twitter"), which survives CRM redesigns
 * better than generated class names: the value is the label's next sibling, or the next
 * sibling of the label's parent when the label is wrapped.
 */
export function readByLabel(root: ParentNode, labels: readonly string[]): string | undefined {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  for (const element of labelCandidates(root)) {
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
