import type { Permissions } from '../store/policy';
import { empty } from './fields';
import { defineMessages, typed } from './spec';

/** The organisation's policy, as far as pages need it. */
export const policyMessages = defineMessages({
  /** What the organisation's policy lets the user do, so pages offer only that. */
  permissions: { from: ['panel', 'popup', 'options'], input: empty, output: typed<Permissions>() },
});
