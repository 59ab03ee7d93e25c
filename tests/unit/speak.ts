import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** A locale's messages.json as the extension ships it. */
export const localeMessages = (locale: string): Messages =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8'),
  ) as Messages;

const english = localeMessages('en');
const originalGetMessage = fakeBrowser.i18n.getMessage;
const originalLanguage = fakeBrowser.i18n.getUILanguage;

/**
 * chrome.i18n as Chrome runs it in `language` with `locale`'s messages, or the messages given
 * (English's where one is missing), placeholders filled as Chrome fills them. `speakDefault`
 * puts the fake back.
 */
export function speak(language: string, locale: string | Messages): void {
  const messages = typeof locale === 'string' ? localeMessages(locale) : locale;
  fakeBrowser.i18n.getUILanguage = () => language;
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const entry = messages[key] ?? english[key];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return (
      entry.message
        .replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
          const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
          return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
        })
        // Chrome writes "$$" as one dollar sign.
        .replaceAll('$$', '$')
    );
  }) as typeof fakeBrowser.i18n.getMessage;
}

/** Back to the test set-up's English. */
export function speakDefault(): void {
  fakeBrowser.i18n.getUILanguage = originalLanguage;
  fakeBrowser.i18n.getMessage = originalGetMessage;
}
