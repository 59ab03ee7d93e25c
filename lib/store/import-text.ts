/**
 * The text of an imported file from its bytes, decoded by its byte-order mark as the WHATWG
 * Encoding Standard sniffs one (https://encoding.spec.whatwg.org/#decode): UTF-16LE (what
 * Excel's "Unicode text" writes), UTF-16BE, else UTF-8, which CRM exports use. The mark itself
 * is dropped; bytes that are not valid in the encoding become U+FFFD rather than failing.
 */
export function decodeImportText(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const encoding =
    view[0] === 0xff && view[1] === 0xfe
      ? 'utf-16le'
      : view[0] === 0xfe && view[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding).decode(view);
}
