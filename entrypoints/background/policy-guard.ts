import type { CrmId } from '@/lib/crm/record';
import { t } from '@/lib/i18n';
import type { MessageInput, MessageName } from '@/lib/messages/protocol';
import { type Handlers, HandlerError } from '@/lib/messages/router';
import { getAccount } from '@/lib/store/accounts';
import { database } from '@/lib/store/db';
import { type ManagedPolicy, type Permissions, permissionsOf, readPolicy } from '@/lib/store/policy';
import { isCrmSwitchedOff } from '@/lib/store/settings';

/** The policy in force, read once per message. */
interface InForce {
  policy: ManagedPolicy;
  permissions: Permissions;
}

/** A check a message passes before its handler runs; it throws what the policy forbids. */
type Rule<K extends MessageName> = (input: MessageInput<K>, inForce: InForce) => Promise<void> | void;

/** Writes at X the policy may forbid: posting, following, likes and reposts. */
const allows =
  (permission: 'post' | 'follow' | 'engage') =>
  (_input: unknown, { permissions }: InForce) => {
    if (!permissions[permission]) throw new HandlerError('policy-forbidden', t('policyForbidden'));
  };

/** What a locked policy makes read-only in the manager. */
const unlocked = (_input: unknown, { permissions }: InForce) => {
  if (permissions.locked) throw new HandlerError('policy-locked', t('policyLocked'));
};

/**
 * Every policy check, by message: anything not listed is always allowed. This is the one place
 * the background refuses what the organisation's policy forbids; the pages only hide it.
 */
const RULES: { [K in MessageName]?: Rule<K> } = {
  postCreate: allows('post'),
  personFollow: allows('follow'),
  postLike: allows('engage'),
  postRepost: allows('engage'),
  socialReply: allows('post'),
  socialLike: allows('engage'),
  socialRepost: allows('engage'),
  keysSave: unlocked,
  keysDelete: unlocked,
  settingsSave: unlocked,
  /** A budget the organisation set is not the user's to change, nor one a locked policy keeps. */
  budgetSave: (input, inForce) => {
    if (inForce.policy.dailyBudgetUsd !== undefined)
      throw new HandlerError('policy-locked', t('policyLocked'));
    unlocked(input, inForce);
  },
  /** Whether an account owns the app changes what the meter charges: a locked policy keeps it. */
  accountUpdate: async ({ xUserId, ownsApp }, inForce) => {
    if (ownsApp === undefined || !inForce.permissions.locked) return;
    const account = await getAccount(await database(), xUserId);
    if (account && ownsApp !== (account.ownsApp === true)) unlocked(ownsApp, inForce);
  },
  /** Only CRMs the organisation allows, and none the user switched off, get a record. */
  recordDetected: async ({ crm }, { permissions }) => {
    if (permissions.allowedCrms && !permissions.allowedCrms.some((allowed) => allowed === crm))
      throw new HandlerError('policy-crm', t('policyCrmNotAllowed'));
    if (await isCrmSwitchedOff(await database(), crm as CrmId))
      throw new HandlerError('crm-switched-off', t('crmSwitchedOff'));
  },
};

/**
 * Refuses what the organisation's policy forbids for message `name` with `input`.
 * @throws HandlerError `policy-locked`, `policy-forbidden`, `policy-crm` or `crm-switched-off`, with the reason.
 */
async function checkPolicy<K extends MessageName>(name: K, input: MessageInput<K>): Promise<void> {
  const rule = RULES[name] as Rule<K> | undefined;
  if (!rule) return;
  const policy = await readPolicy();
  await rule(input, { policy, permissions: permissionsOf(policy) });
}

/** Whether the policy makes the settings read-only, for what a handler only reports (an import's settings). */
export async function settingsLocked(): Promise<boolean> {
  return permissionsOf(await readPolicy()).locked;
}

/**
 * The check every post passes right before it leaves, whether a person sent it now or the
 * outbox sends it again (a Retry, or the network coming back): the policy of that moment
 * decides, not the one in force when the post was written.
 * @throws HandlerError `policy-forbidden` when the policy no longer allows posting.
 */
export async function guardPostSend(): Promise<void> {
  const policy = await readPolicy();
  allows('post')(undefined, { policy, permissions: permissionsOf(policy) });
}

/**
 * Wraps handlers (all, or one subject's) so that what the organisation's policy forbids is
 * refused here, in the background, whatever a page shows or sends.
 */
export function withPolicy<H extends Partial<Handlers>>(handlers: H): H {
  const guarded: Record<string, (input: never, context: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [
    MessageName,
    (i: never, c: never) => Promise<unknown>,
  ][]) {
    guarded[name] = async (input, context) => {
      await checkPolicy(name, input);
      return handler(input, context);
    };
  }
  return guarded as unknown as H;
}
