// The members each v2 write takes in its JSON body, as X's OpenAPI description (v2.167) closes
// them (additionalProperties: false): an unknown member is a 400, not silently ignored.
import { invalidRequest } from './problems';

const CREATE_POST = [
  'card_uri',
  'community_id',
  'direct_message_deep_link',
  'edit_options',
  'for_super_followers_only',
  'geo',
  'made_with_ai',
  'media',
  'nullcast',
  'paid_partnership',
  'poll',
  'quote_tweet_id',
  'reply',
  'reply_settings',
  'share_with_followers',
  'text',
];
const REPLY = ['auto_populate_reply_metadata', 'exclude_reply_user_ids', 'in_reply_to_tweet_id'];

/** Endpoint (`METHOD template`) → the members its body may carry, by JSON path. */
const MEMBERS: Record<string, Record<string, readonly string[]>> = {
  'POST /2/tweets': { $: CREATE_POST, '$.reply': REPLY },
  'POST /2/users/:id/following': { $: ['target_user_id'] },
  'POST /2/users/:id/retweets': { $: ['tweet_id'] },
  'POST /2/users/:id/likes': { $: ['tweet_id'] },
};

/**
 * Refuses with X's 400 invalid-request problem a body member the endpoint does not describe.
 * Endpoints not listed, and bodies that are not objects (left to the handler), pass.
 */
export function checkBody(endpoint: string, body: unknown): void {
  const closed = MEMBERS[endpoint];
  if (!closed) return;
  for (const [path, allowed] of Object.entries(closed)) {
    const value = path === '$' ? body : (body as Record<string, unknown> | null)?.[path.slice(2)];
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const member of Object.keys(value)) {
      if (!allowed.includes(member)) {
        throw invalidRequest(
          `${path}.${member}`,
          [JSON.stringify((value as Record<string, unknown>)[member])],
          `${path}.${member}: is not defined in the schema and the schema does not allow additional properties`,
        );
      }
    }
  }
}
