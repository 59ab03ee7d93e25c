import { t } from '@/lib/i18n';
import type { MessageName } from '@/lib/messages/protocol';
import { type Handlers, HandlerError } from '@/lib/messages/router';
import type { CrmId } from '@/lib/crm/record';
import { database } from '@/lib/store/db';
import { type Permissions, permissionsOf, readPolicy } from '@/lib/store/policy';
import { isCrmSwitchedOff } from '@/lib/store/settings';

/** Which permission each policy-bound message needs; anything not listed is always allowed. */
const NEEDS: Partial<Record<MessageName, keyof Omit<Permissions, 'allowedCrms' | 'locked'> | 'unlocked'>> = {
  postCreate: 'post',
  personFollow: 'follow',
  postLike: 'engage',
  postRepost: 'engage',
  socialReply: 'post',
  socialLike: 'engage',
  socialRepost: 'engage',
  keysSave: 'unlocked',
  keysDelete: 'unlocked',
};

/**
 * Refuses what the organisation's policy forbids for message `name` with `input`.
 * @throws HandlerError `policy-locked`, `policy-forbidden`, `policy-crm` or `crm-switched-off`, with the reason.
 */
async function checkPolicy(name: MessageName, input: unknown): Promise<void> {
  const permissions = permissionsOf(await readPolicy());
  const need = NEEDS[name];
  if (need === 'unlocked' && permissions.locked) throw new HandlerError('policy-locked', t('policyLocked'));
  if (need && need !== 'unlocked' && !permissions[need]) {
    throw new HandlerError('policy-forbidden', t('policyForbidden'));
  }
  if (name === 'recordDetected' && permissions.allowedCrms) {
    const crm = (input as { crm?: string }).crm;
    if (!permissions.allowedCrms.some((allowed) => allowed === crm)) {
      throw new HandlerError('policy-crm', t('policyCrmNotAllowed'));
    }
  }
  // A vendor the user switched off gets no record, whatever its content script sends.
  if (name === 'recordDetected') {
    const crm = (input as { crm: CrmId }).crm;
    if (await isCrmSwitchedOff(await database(), crm)) {
      throw new HandlerError('crm-switched-off', t('crmSwitchedOff'));
    }
  }
}

/**
 * The check every post passes right before it leaves, whether a person sent it now or the
 * outbox sends it again (a Retry, or the network coming back): the policy of that moment
 * decides, not the one in force when the post was written.
 * @throws HandlerError `policy-forbidden` when the policy no longer allows posting.
 */
export function guardPostSend(): Promise<void> {
  return checkPolicy('postCreate', undefined);
}

/**
 * Wraps the handlers so that what the organisation's policy forbids is refused here, in the
 * background, whatever a page shows or sends. The panel and popup also hide such actions.
 */
export function withPolicy(handlers: Handlers): Handlers {
  const guarded: Record<string, (input: never, context: never) => Promise<unknown>> = { ...handlers };
  for (const [name, handler] of Object.entries(handlers) as [
    MessageName,
    (i: never, c: never) => Promise<unknown>,
  ][]) {
    guarded[name] = async (input, context) => {
      await checkPolicy(name, input);
      return handler(input, context);
    };
  }
  return guarded as unknown as Handlers;
}
