import { Buffer } from 'buffer';

// twitter-api-v2 expects Node globals; the extension's worker and pages have neither.
const scope = globalThis as typeof globalThis & { Buffer?: typeof Buffer };
scope.Buffer ??= Buffer;
// V8 has this, Firefox may not; the library calls it in its error classes.
(Error as { captureStackTrace?: unknown }).captureStackTrace ??= () => {};
