import { z } from 'zod';
import { XId } from '../x/ids';

/** A message that carries nothing. */
export const empty = z.object({}).strict();

/** An X user id, as every message names a person or an account. */
export const xUserId = XId;

/** An X post id. */
export const postId = XId;

/** The account to act as (an X user id); the default account when absent or null. */
export const actingAccountId = XId.nullable().optional();
