import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendEarly } from '@/lib/messages/early-request';

/**
 * The popup's first script (popup.html loads it `async`, apart from the page's modules): asks
 * the worker for the latest draft while the browser is still fetching and compiling the
 * popup's code, so the composer can show the draft in the popup's first frames.
 */
export default defineUnlistedScript(() => sendEarly('draftLatest', {}));
