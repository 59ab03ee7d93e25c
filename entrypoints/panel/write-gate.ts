import type { Send } from '@/components/panel/api';
import { t } from '@/lib/i18n';
import { MessageError } from '@/lib/messages/client';
import type { MessageName } from '@/lib/messages/protocol';

/** Messages that act on X in the person's name: one click each, so each must be a seen click. */
const WRITES: ReadonlySet<MessageName> = new Set(['personFollow', 'postLike', 'postRepost', 'postCreate']);

/**
 * How long the panel must have been seen, unobscured, before a write counts. A page that
 * shows the panel only at the instant of a click (to steer a click meant for something else)
 * gains nothing: the person never had the time to see what they clicked.
 */
export const SEEN_FOR_MS = 300;

/** What IntersectionObserver v2 adds; not in every browser's types or engine. */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/** Whether the panel is really visible to the person now, as far as the browser can tell. */
export interface PanelVisibility {
  /** False where the browser cannot tell (no IntersectionObserver v2): writes then ask first. */
  readonly tracked: boolean;
  /** True when the panel has been unobscured and unaltered for at least SEEN_FOR_MS. */
  seen(): boolean;
}

/**
 * Watches whether the panel's document is visible to the person within the CRM page that
 * frames it: IntersectionObserver v2 (trackVisibility) reports its target hidden when any
 * ancestor (the page's frame element included) has opacity below 1, a transform or a filter,
 * or anything is drawn over it. The panel is an extension page in the page's frame, so only
 * it can observe this. The target is an empty layer over the whole panel viewport: always
 * wholly in view however long the panel's content, so a cover over any part of it counts.
 * https://w3c.github.io/IntersectionObserver/v2/ ; delay is at least 100 ms, as the spec requires.
 */
export function watchPanelVisibility(
  doc: Document,
  now: () => number = () => performance.now(),
): PanelVisibility {
  const tracked =
    typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
  let visibleSince: number | null = null;
  if (tracked) {
    const target = doc.createElement('div');
    target.setAttribute('aria-hidden', 'true');
    // On top of the panel's own content, yet never in the way of a click.
    target.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647';
    doc.body.append(target);
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as VisibilityEntry | undefined;
        if (!entry) return;
        if (!entry.isVisible) visibleSince = null;
        else visibleSince ??= now();
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(target);
  }
  return {
    tracked,
    seen: () => visibleSince !== null && now() - visibleSince >= SEEN_FOR_MS,
  };
}

/**
 * Wraps the panel's `send` so that a write goes out only when the person could see the panel:
 * refused with the reason while it is hidden, covered or altered by the page; where the
 * browser cannot tell, only after the person confirms it in a browser dialog the page cannot
 * draw over. Reads pass untouched.
 */
export function gateWrites(
  send: Send,
  visibility: PanelVisibility,
  confirmWrite: (question: string) => boolean = (question) => window.confirm(question),
): Send {
  return (name, input) => {
    if (WRITES.has(name)) {
      if (visibility.tracked && !visibility.seen()) {
        return Promise.reject(new MessageError('panel-not-visible', t('panelNotVisible')));
      }
      if (!visibility.tracked && !confirmWrite(t('panelConfirmWrite'))) {
        return Promise.reject(new MessageError('not-confirmed', t('panelWriteNotConfirmed')));
      }
    }
    return send(name, input);
  };
}
