// The headless tour: walks the product's main screens as a person would and writes a PNG of
// each, so a machine without a display still shows what the sandbox does.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import type { SandboxBrowser } from './browser';
import { HUBSPOT_CONTACT, SALESFORCE_CONTACT, ZOHO_LEAD } from './crm-server';
import { messagesFor } from './messages';

const WAIT = { timeout: 15_000 };

/** Waits until every image in the page or frame has loaded, so avatars are in the picture. */
async function imagesLoaded(target: Page | Frame): Promise<void> {
  await target.waitForFunction(
    () => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0),
    WAIT,
  );
}

/** The panel is an extension page in an iframe inside a closed shadow root: find it by URL. */
async function panelFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    const frame = page
      .frames()
      .find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/panel.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The X panel did not open on the Zoho lead.');
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Opens a record page and waits for the extension's X icon beside the record's name. */
async function openRecord(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('x-crm-record', WAIT).catch(() => {
    throw new Error(`The X icon did not appear on ${url}.`);
  });
}

export async function takeScreenshots(
  run: SandboxBrowser,
  optionsPage: Page,
  folder: string,
  written: (path: string) => void,
  locale = 'en',
): Promise<void> {
  // Buttons are found by the names the browser's UI language gives them.
  const t = messagesFor(locale);
  const dir = resolve(folder);
  await mkdir(dir, { recursive: true });
  const shoot = async (page: Page, name: string): Promise<void> => {
    const path = join(dir, name);
    await page.screenshot({ path, fullPage: false });
    written(path);
  };

  const page = await run.browser.newPage();
  await openRecord(page, ZOHO_LEAD);
  await shoot(page, '1-zoho-lead-with-x-icon.png');

  await page
    .locator(`::-p-aria(${t('iconLabel', 'Maria Garcia')})`)
    .setTimeout(WAIT.timeout)
    .click();
  const panel = await panelFrame(page);
  await panel.waitForSelector(`::-p-aria(${t('searchResults')})`, WAIT);
  await imagesLoaded(panel);
  await shoot(page, '2-zoho-panel-people-found.png');

  await panel
    .locator(`::-p-aria(${t('associateWith', '@maria_acme')})`)
    .setTimeout(WAIT.timeout)
    .click();
  await panel.waitForSelector(`::-p-text(${t('associated', '@maria_acme')})`, WAIT);
  await panel.waitForSelector('ol.posts li', WAIT);
  await imagesLoaded(panel);
  // Puppeteer scrolled the button into view before clicking it; a person's click does not,
  // so put the panel back where a person would be looking.
  await panel.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, '3-zoho-panel-associated-maria-acme.png');

  // A fresh load shows the manager as a person finds it later: keys greyed out, the account listed.
  await optionsPage.bringToFront();
  await optionsPage.reload();
  await optionsPage.waitForSelector('input[type="checkbox"]', WAIT);
  await imagesLoaded(optionsPage);
  await shoot(optionsPage, '4-options-integration-manager.png');

  // The toolbar popup is a small page of its own; 400x600 is about the size Chrome gives it.
  const popup = await run.browser.newPage();
  await popup.setViewport({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${run.extensionId}/popup.html`);
  // The composer, or the popup's own message when it could not load the drafts.
  await popup.waitForSelector('textarea, [role="alert"]', WAIT);
  await imagesLoaded(popup);
  await shoot(popup, '5-popup.png');
  await popup.close();

  // The Social view after a refresh: the seeded mentions of Sam Rep in their columns, and news.
  const social = await run.browser.newPage();
  await social.setViewport({ width: 900, height: 900 });
  await social.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
  await social.locator('::-p-text(Refresh (up to)').setTimeout(WAIT.timeout).click();
  await social.waitForSelector('::-p-text(This refresh cost)', WAIT);
  await social.waitForSelector('.social-item', WAIT);
  await shoot(social, '8-social-view.png');
  await social.close();

  await openRecord(page, SALESFORCE_CONTACT);
  await shoot(page, '6-salesforce-contact-with-x-icon.png');
  await openRecord(page, HUBSPOT_CONTACT);
  await shoot(page, '7-hubspot-contact-with-x-icon.png');
}
