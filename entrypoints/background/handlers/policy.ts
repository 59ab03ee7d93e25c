import type { policyMessages } from '@/lib/messages/policy-messages';
import type { HandlersFor } from '@/lib/messages/router';
import { permissionsOf, readPolicy } from '@/lib/store/policy';

/** What the organisation's policy lets pages offer; policy-guard.ts refuses the rest. */
export const policyHandlers: HandlersFor<typeof policyMessages> = {
  async permissions() {
    return permissionsOf(await readPolicy());
  },
};
