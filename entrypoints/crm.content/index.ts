import { defineContentScript } from 'wxt/utils/define-content-script';
import type { RecordFields } from '@/lib/crm/adapter';
import { detectRecord } from '@/lib/crm/adapters';
import { crmHostPatterns } from '@/lib/crm/hosts';
import { sendMessage } from '@/lib/messages/client';
import { mountRecordUi } from './record-ui';
import { waitForElement } from './wait-for-element';

/** How long a record page may take to render its title before the icon floats instead. */
const TITLE_TIMEOUT_MS = 4000;

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

export default defineContentScript({
  matches: [...crmHostPatterns],
  runAt: 'document_idle',
  main(ctx) {
    let current: AbortController | undefined;
    const show = (url: URL) => {
      current?.abort();
      current = new AbortController();
      void showRecord(url, current.signal).catch((error: unknown) => {
        // A CRM page must never break because of us; the console is where a developer looks.
        console.warn('X for CRM: could not show the record', error);
      });
    };

    async function showRecord(url: URL, signal: AbortSignal) {
      const detected = detectRecord(url);
      if (!detected) {
        await sendMessage('recordLeft', {});
        return;
      }
      const { adapter, ref } = detected;
      const findTitle = () => adapter.findTitle(document, ref);
      const title = await waitForElement(findTitle, { signal, timeoutMs: TITLE_TIMEOUT_MS });
      if (signal.aborted) return;
      const fields = clipFields(adapter.readFields(document, title));
      await sendMessage('recordDetected', { ...ref, ...fields, url: url.href });
      if (signal.aborted) return;
      await mountRecordUi(ctx, { title, findTitle, fullName: fields.fullName, signal });
    }

    show(new URL(location.href));
    // Single-page CRMs: location.href still holds the old URL when this fires.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => show(newUrl));
    ctx.onInvalidated(() => current?.abort());
  },
});
