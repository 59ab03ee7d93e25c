import { safeLink } from './api';

const URL_IN_TEXT = /(https?:\/\/[^\s<>"']+)/g;

/** Untrusted text (a bio, a post) shown as text, with its http(s) URLs as links. */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_IN_TEXT);
  return (
    <>
      {parts.map((part, index) => {
        const href = index % 2 === 1 ? safeLink(part) : undefined;
        return href ? (
          <a key={index} href={href} target="_blank" rel="noopener noreferrer">
            {part}
          </a>
        ) : (
          part
        );
      })}
    </>
  );
}
