import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';

// The browser's UI language picks the product's: words from that locale's messages.json,
// counts and prices written as the language writes them.

let run: ExtensionBrowser | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

/** The popup's heading, character count and price line in a browser started in `lang`. */
async function popupIn(lang: string) {
  run = await launchWithExtension([`--lang=${lang}`]);
  const page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/popup.html`);
  const text = await page.waitForSelector('textarea');
  // 6 characters and a link X counts as 23: 251 of 280 left.
  await text?.type('Hallo https://example.com');
  await page.waitForFunction(() => /251/.test(document.querySelector('.composer-count')?.textContent ?? ''));
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    placeholder: document.querySelector('textarea')?.getAttribute('placeholder'),
    count: document.querySelector('.composer-count')?.textContent?.trim(),
    cost: document.querySelector('.composer-cost')?.textContent?.replace(/\s/gu, ' ').trim(),
  }));
}

describe('the product in the browser’s language', () => {
  it('speaks German in a German browser: words, counts and US-dollar prices', async () => {
    const popup = await popupIn('de');
    // Screen readers speak the page in German, not in the HTML's default English.
    expect(popup.lang).toBe('de');
    expect(popup.placeholder).toBe('Was gibt’s Neues?');
    expect(popup.count).toBe('Noch 251 Zeichen');
    expect(popup.cost).toBe('Posten kostet 0,20 $ (der Text enthält einen Link)');
  });

  it('speaks Spanish in a Spanish browser', async () => {
    const popup = await popupIn('es');
    expect(popup.lang).toBe('es');
    expect(popup.placeholder).toBe('¿Qué está pasando?');
    expect(popup.count).toBe('Quedan 251 caracteres');
    expect(popup.cost).toBe('Publicar cuesta 0,20 US$ (el texto tiene un enlace)');
  });

  it('starts the Social view with news words in the browser’s language', async () => {
    run = await launchWithExtension(['--lang=de']);
    const page = await run.browser.newPage();
    await page.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
    await page.waitForSelector('::-p-aria(Stellenangebot)');
    const words = await page.$$eval('.social-keyword button[aria-pressed]', (buttons) =>
      buttons.map((button) => button.textContent),
    );
    expect(words).toEqual(['Stellenangebot', 'Ausschreibung', 'Finanzierung']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  });
});
