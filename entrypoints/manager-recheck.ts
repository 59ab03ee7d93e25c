import * as recheck from 'recheck';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerRecheck } from '@/components/manager/rules/recheck-script';

/** The rule form's backtracking checker, fetched when the form shows (see recheck-script.ts). */
export default defineUnlistedScript(() => offerRecheck(recheck));
