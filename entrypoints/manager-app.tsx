import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Manager } from '@/components/manager/Manager';
import maintenanceCss from '@/components/manager/maintenance.css?inline';
import managerCss from '@/components/manager/manager.css?inline';
import { addPageStyle } from '@/components/page-style';
import themeCss from '@/components/theme.css?inline';
import { nameDocument } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';

/**
 * The integration manager's code, built as one script carrying its styles, the only file
 * options.html loads before its first paint: the browser serves an extension page's files one
 * after another, and the manager's first paint waited for ten (its module, seven shared
 * chunks, two stylesheets). Backup and Other CRMs come as scripts of their own when opened
 * (components/manager/section-scripts.tsx). options.html loads it `defer`.
 */
export default defineUnlistedScript(() => {
  // Asked first, so the worker reads while the manager is drawn; its sections follow sooner.
  const firstState = sendMessage('managerState', {});
  // maintenance.css is imported by the Usage and Backup sections too, which the build writes out
  // as assets/manager-app.css; the page does not load that file (tests/e2e/page-bundles.test.ts).
  addPageStyle(themeCss, managerCss, maintenanceCss);
  nameDocument(document, 'optionsTitle');
  render(
    <Manager send={sendMessage} firstState={firstState} />,
    document.getElementById('app') as HTMLElement,
  );
});
