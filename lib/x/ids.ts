import { z } from 'zod';

/**
 * An X user or post id: a decimal snowflake, 64 bits at most, so up to 20 digits (X's data
 * dictionary gives ids as strings of digits). Checked wherever an id arrives from a page, a
 * file or X itself.
 */
export const X_ID_PATTERN = /^\d{1,20}$/;

/** A user or post id as zod checks it. */
export const XId = z.string().regex(X_ID_PATTERN);
