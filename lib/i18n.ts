import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** A key of public/_locales/en/messages.json: a typo is a compile error. */
export type MessageKey = keyof typeof messages;

/** The user's language's text for `key`, with $1… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
