import { browser } from 'wxt/browser';
import { z } from 'zod';
import { CrmId } from '../crm/record';

/**
 * What an organisation's admin pushes through browser policy (storage.managed, schema in
 * public/managed-schema.json). The browser checks the schema; this checks again, because a
 * policy is input like any other and one bad field must not break the rest.
 */
const ManagedPolicy = z.object({
  consumerKey: z.string().trim().min(1).max(200).optional().catch(undefined),
  consumerSecret: z.string().trim().min(1).max(200).optional().catch(undefined),
  clientId: z.string().trim().min(1).max(200).optional().catch(undefined),
  allowedCrms: z
    .array(z.string())
    .transform((ids) => ids.filter((id): id is CrmId => CrmId.safeParse(id).success))
    .optional()
    .catch(undefined),
  readOnly: z.boolean().optional().catch(undefined),
  allowPosting: z.boolean().optional().catch(undefined),
  allowFollow: z.boolean().optional().catch(undefined),
  dailyBudgetUsd: z.number().min(0).max(100_000).optional().catch(undefined),
  lockSettings: z.boolean().optional().catch(undefined),
  /** False switches the Social view off: nothing of it is read or shown. */
  socialView: z.boolean().optional().catch(undefined),
  /** The fewest hours between the Social view's scheduled refreshes; 0 forbids them. */
  socialScheduleMinHours: z.number().int().min(0).max(24).optional().catch(undefined),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

/** The policy in force; an empty one when the browser has none (or no managed storage). */
export async function readPolicy(): Promise<ManagedPolicy> {
  try {
    return ManagedPolicy.parse(await browser.storage.managed.get(null));
  } catch {
    // Firefox throws when no policy is installed; unmanaged browsers simply have none.
    return {};
  }
}

/** What the user may do, as policy allows it. Everything is allowed without a policy. */
export interface Permissions {
  post: boolean;
  follow: boolean;
  /** Likes and reposts. */
  engage: boolean;
  /** Keys and policy fields are set by the organisation and read-only in the manager. */
  locked: boolean;
  allowedCrms: CrmId[] | null;
}

export function permissionsOf(policy: ManagedPolicy): Permissions {
  const writes = policy.readOnly !== true;
  return {
    post: writes && policy.allowPosting !== false,
    follow: writes && policy.allowFollow !== false,
    engage: writes,
    locked: policy.lockSettings === true,
    allowedCrms: policy.allowedCrms ?? null,
  };
}
