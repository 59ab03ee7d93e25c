import { z } from 'zod';
import { UserRule } from '../crm/user-rules';
import { empty } from './fields';
import { defineMessages } from './spec';

/**
 * The user's rules for CRMs no adapter knows. They change where the product runs: only the
 * manager may change them, through the worker, which keeps them where no CRM page can write.
 */
export const ruleMessages = defineMessages({
  rulesList: { from: ['options'], input: empty, output: z.array(UserRule) },
  /** Adds a rule, or replaces the saved rule with its id. */
  ruleSave: { from: ['options'], input: UserRule, output: z.array(UserRule) },
  ruleDelete: {
    from: ['options'],
    input: z.object({ id: z.string().max(64) }).strict(),
    output: z.array(UserRule),
  },
});
