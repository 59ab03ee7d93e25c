// Relative imports: wxt.config.ts loads this file in Node, where the @/ alias does not exist.
import { crmVendors as builtIn } from '../../lib/crm/registry';
import { larkspur } from './larkspur';

/** The product's CRMs and one made up; a build made with X_CRM_REGISTRY=<this file> uses it. */
export const crmVendors = [...builtIn, larkspur] as const;
