/**
 * Stands in for Node modules (https, zlib, fs) that twitter-api-v2 imports but the extension
 * never reaches: every request goes through the fetch transport, and media upload from files
 * is not used. Anything that does reach here fails loudly instead of silently.
 */
function unavailable(): never {
  throw new Error('This Node API is not available in the extension.');
}

export const request = unavailable;
export const createGunzip = unavailable;
export const createInflate = unavailable;
export const createBrotliDecompress = unavailable;
export const readFile = unavailable;
// fs's callback API, named by twitter-api-v2's v1 media upload. Without these exports the
// bundler turns the calls into `(void 0)(…)`, which Mozilla's addons-linter cannot parse.
export const fstat = unavailable;
export const read = unavailable;
export const close = unavailable;
export const constants = {};
export const promises = { open: unavailable };
export default {
  request,
  createGunzip,
  createInflate,
  createBrotliDecompress,
  readFile,
  fstat,
  read,
  close,
  constants,
  promises,
};
