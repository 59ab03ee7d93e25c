import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPanelHost } from './crm.content/panel-host';
import { RECORD_CODE, type RecordCode } from './crm.content/record-code';
import { showRecord } from './crm.content/show-record';

/**
 * The icon and the panel frame, for record pages only. The CRM content script, which every
 * CRM page loads, decides from the URL whether the page is a record and only then imports
 * this script (see entrypoints/crm.content/record-code.ts); it leaves its code in that
 * script's world, where the CRM content script takes it. An unlisted script rather than a
 * content script: it needs none of WXT's content script context, whose start-up alone costs
 * the page a few ms (a window message to every frame).
 */
export default defineUnlistedScript(() => {
  const world = globalThis as { [RECORD_CODE]?: RecordCode };
  // Run twice (two records asked for it at once), the first copy stays: it may hold the panel.
  world[RECORD_CODE] ??= Object.freeze({ createPanelHost, showRecord });
});
