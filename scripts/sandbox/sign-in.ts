// Sets the sandbox up the way a person would: in the integration manager (the options page),
// Settings… takes the app's keys, Add walks X's PIN flow. Nothing is written behind the
// product's back, so what the sandbox shows is what a real install does.
import type { Page } from 'puppeteer-core';
import { authorizeAndReadPin } from '../../tests/e2e/harness/x-emulator';
import type { FakeX } from '../../tests/fake-x';
import type { SandboxBrowser } from './browser';
import { messagesFor } from './messages';

async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await page.waitForSelector(`::-p-aria(${label})`, { timeout: 10_000 });
  if (!field) throw new Error(`The integration manager has no field "${label}".`);
  await field.click({ count: 3 });
  await field.type(value);
}

async function press(page: Page, name: string): Promise<void> {
  await page.locator(`::-p-aria(${name})`).setTimeout(10_000).click();
}

/**
 * Enters the emulator's keys and signs in its default person, pressing buttons by their names
 * in `locale` (the browser's UI language); returns the signed-in username.
 */
export async function signInThroughManager(
  run: SandboxBrowser,
  x: FakeX,
  page: Page,
  locale = 'en',
): Promise<string> {
  const t = messagesFor(locale);
  const person = x.accounts[0];
  if (!person) throw new Error('The X emulator has no account to sign in.');
  await page.goto(`chrome-extension://${run.extensionId}/options.html`);

  await press(page, t('keysSettings'));
  await fill(page, t('consumerKey'), x.app.consumerKey);
  await fill(page, t('consumerSecret'), x.app.consumerSecret);
  await fill(page, t('clientId'), x.app.clientId);
  await press(page, t('save'));
  // The manager checks the keys with X before it closes the dialog.
  await page.waitForSelector('dialog', { hidden: true, timeout: 15_000 }).catch(async () => {
    const alert = await page.$eval('dialog [role="alert"]', (el) => el.textContent).catch(() => null);
    throw new Error(`The integration manager did not accept the emulator's keys: ${alert ?? 'no answer'}`);
  });

  await press(page, t('add'));
  await fill(page, t('accountName'), 'Sales team');
  await press(page, t('next'));
  // "Next" opens X's authorize page in a new tab: press Authorize app there, as a person would.
  const pin = await authorizeAndReadPin(run.browser);
  await page.bringToFront();
  await fill(page, t('pin'), pin);
  await press(page, t('finish'));
  await page.waitForSelector(`::-p-text(${t('wizardDone', `@${person.username}`)})`, { timeout: 15_000 });
  return person.username;
}
