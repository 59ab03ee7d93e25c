/**
 * An error raised on purpose, with a stable `code` the pages can act on and a `message` for
 * the user. The message router answers it to the sender as it is; any other error is hidden
 * behind "internal error". A leaf: it imports nothing, so lib/x and lib/store can throw it
 * without loading the message protocol.
 */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
