import type { TextPart } from '@/lib/x/post-text';

/**
 * A post or bio from its parts: plain text as text nodes (never HTML), links X marked shown
 * by their display URL with the whole URL as their title; a link that is not http(s) stays text.
 */
export function PostText({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'text') return part.text;
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
