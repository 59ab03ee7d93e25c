/**
 * Calls `close` when Escape is pressed anywhere in the panel's document, unless a control that
 * uses Escape itself (a completion list) marked the key press as handled (preventDefault).
 * Answers the function that stops listening.
 */
export function closeOnEscape(doc: Document, close: () => void): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) close();
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
