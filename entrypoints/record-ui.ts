import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { RECORD_CODE, type RecordCode } from './crm-page/record-code';
import { startRecordPage } from './crm-page/record-page';

/**
 * The icon and the panel frame, for record pages only. The CRM page script, which every CRM
 * page loads, decides from the URL whether the page may show a record and only then imports
 * this script (see entrypoints/crm-page/record-code.ts); it leaves its code in that script's
 * world, where the page script takes it.
 */
export default defineUnlistedScript(() => {
  const world = globalThis as { [RECORD_CODE]?: RecordCode };
  // Run twice (two records asked for it at once), the first copy stays: it may hold the panel.
  world[RECORD_CODE] ??= Object.freeze({ startRecordPage });
});
