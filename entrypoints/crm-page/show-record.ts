import type { CrmPage, RecordFields } from '@/lib/crm/adapter';
import type { RecordRef } from '@/lib/crm/record';
import { sendMessage } from '@/lib/messages/client';
import { iconLabelFor, type PageStrings } from '@/lib/messages/page-strings';
import { decidedAt } from './decided-at';
import type { PanelHost } from './panel-host';
import { mountRecordUi, type RecordUi } from './record-ui';
import { waitForElement } from './wait-for-element';

/** How long a record page may take to render its title before the icon floats instead. */
const TITLE_TIMEOUT_MS = 4000;

/** The title of the record the user just left, as it read then. */
export interface LeftTitle {
  element: Element;
  text: string | null;
}

/** Page text is untrusted and unbounded; the protocol accepts 500 characters a field. */
function clipFields(fields: RecordFields): RecordFields {
  const clip = (value: string | undefined) => value?.slice(0, 500);
  return {
    fullName: fields.fullName.slice(0, 500),
    company: clip(fields.company),
    email: clip(fields.email),
    twitterField: clip(fields.twitterField),
  };
}

/**
 * Waits until the page shows the record `ref` names, mounts the icon and tells the background
 * what it reads. Resolves undefined when `signal` aborts first (the user moved on).
 * @throws MessageError when the background refuses the record; the icon is gone again then.
 */
export async function showRecord(
  page: CrmPage,
  ref: RecordRef,
  url: URL,
  options: { signal: AbortSignal; left: LeftTitle | undefined; panel: PanelHost; strings: PageStrings },
): Promise<RecordUi | undefined> {
  const { signal, left } = options;
  const findTitle = () => page.findTitle(document, ref);
  // Right after an in-page navigation the DOM still shows the record being left; vendors
  // whose pages do not name the record's id would hand back its title. Until the page
  // replaces that title or its text, it is not the new record's.
  const findNewTitle = () => {
    const title = findTitle();
    return title && title === left?.element && title.textContent === left.text ? null : title;
  };
  const title = await waitForElement(findNewTitle, { signal, timeoutMs: TITLE_TIMEOUT_MS });
  if (signal.aborted) return undefined;
  const fields = clipFields(page.readFields(document, title));
  // The icon comes while the worker stores the record: a click is a person's, later than the
  // worker's answer, and the panel it opens asks the worker for the record anyway. A record
  // the worker refuses (its address no longer the tab's) takes the icon away again.
  // Not AbortSignal.any: a signal it makes is held only weakly by its sources, and the icon's
  // removal must not depend on the garbage collector keeping it.
  const removed = new AbortController();
  signal.addEventListener('abort', () => removed.abort(), { once: true });
  const mounted = mountRecordUi({
    title,
    findTitle,
    label: iconLabelFor(options.strings, fields.fullName),
    panel: options.panel,
    signal: removed.signal,
  });
  await sendMessage('recordDetected', { ...ref, ...fields, url: url.href, at: decidedAt() }).catch(
    (error: unknown) => {
      removed.abort();
      throw error;
    },
  );
  return mounted;
}
