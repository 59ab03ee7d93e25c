import type { TwitterField } from '../crm/twitter-handle';
import type { Association } from './schema';

/** What the CRM's Twitter field asks of a record's association. */
export type FieldDecision =
  /** Leave the association (or its absence) as it is. */
  | { kind: 'keep' }
  /** The field was emptied: the association it made goes with it. */
  | { kind: 'drop' }
  /** Associate the handle in the field (looked up at X first), replacing what the field made before. */
  | { kind: 'associate'; handle: string };

/**
 * The CRM's Twitter field leads, as in the CRM integrations this carries forward: a valid
 * handle there is associated without asking, and emptying the field removes the association the field made. A person the
 * rep chose (by search or typed handle) is never replaced by the field, and a field that holds
 * text that is not a handle changes nothing. Handles compare case-insensitively, as X's do.
 */
export function fieldDecision(
  field: TwitterField,
  association: Pick<Association, 'handle' | 'source'> | null,
): FieldDecision {
  const madeByField = association?.source === 'crm-field';
  if (field.kind === 'empty') return madeByField ? { kind: 'drop' } : { kind: 'keep' };
  if (field.kind !== 'handle') return { kind: 'keep' };
  if (association && !madeByField) return { kind: 'keep' };
  if (association?.handle.toLowerCase() === field.handle.toLowerCase()) return { kind: 'keep' };
  return { kind: 'associate', handle: field.handle };
}
