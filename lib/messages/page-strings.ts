// No zod here: the CRM page script reads this module, and zod stays out of its bundle.
import { t } from '../i18n';

/**
 * Where a record's name goes in `PageStrings.iconLabel`: a private-use character, which no
 * language writes (a NUL does not come through chrome.i18n's substitution).
 */
const NAME_SLOT = '\uE000';

/**
 * The words a CRM page script shows (the icon's and the panel frame's accessible names), in
 * the UI language. The worker sends them with the page's settings: a content script's first
 * chrome.i18n call fetches the message catalogue synchronously, which blocked the page for
 * about 10 ms before the icon could show.
 */
export interface PageStrings {
  /** "Open X panel for <name>", with NAME_SLOT where the name goes. */
  iconLabel: string;
  iconLabelNoName: string;
  panelTitle: string;
}

/** The page's words from this context's own catalogue (the worker's, or a page's when the worker cannot answer). */
export function readPageStrings(): PageStrings {
  return {
    iconLabel: t('iconLabel', NAME_SLOT),
    iconLabelNoName: t('iconLabelNoName'),
    panelTitle: t('panelTitle'),
  };
}

/** The icon's accessible name for a record named `fullName` (empty when the page shows none). */
export function iconLabelFor(strings: PageStrings, fullName: string): string {
  return fullName ? strings.iconLabel.split(NAME_SLOT).join(fullName) : strings.iconLabelNoName;
}
