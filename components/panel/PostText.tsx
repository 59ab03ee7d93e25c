import type { ComponentChildren } from 'preact';
import type { TextPart } from '@/lib/x/post-text';

/**
 * A post or bio from its parts: plain text as text nodes (never HTML), links X marked shown
 * by their display URL with the whole URL as their title; a link that is not http(s) stays text.
 * `mark`, when given, renders the plain text (the Social view highlights the rep's words).
 */
export function PostText({
  parts,
  mark,
}: {
  parts: readonly TextPart[];
  mark?: ((text: string) => ComponentChildren) | undefined;
}) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'text') return mark ? mark(part.text) : part.text;
        if (part.kind === 'link') {
          return part.href ? (
            <a key={index} href={part.href} title={part.title} target="_blank" rel="noopener noreferrer">
              {part.text}
            </a>
          ) : (
            <span key={index} title={part.title}>
              {part.text}
            </span>
          );
        }
        return (
          <a key={index} class={part.kind} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        );
      })}
    </>
  );
}
