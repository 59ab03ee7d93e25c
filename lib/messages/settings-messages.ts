import { z } from 'zod';
import { CRM_IDS } from '../crm/record';
import { UserRule } from '../crm/user-rules';
import { Settings } from '../store/settings';
import { empty } from './fields';
import type { PageStrings } from './page-strings';
import { defineMessages } from './spec';

/** What the manager shows of the settings, and whether policy locks them. */
export const SettingsView = z.object({
  disabledCrms: z.array(z.enum(CRM_IDS)),
  postsFreshMinutes: z.number(),
  profileFreshHours: z.number(),
  /** The organisation's policy locks the settings: the manager shows them read-only. */
  locked: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** What a content script needs to know to show the icon: nothing else of the settings. */
export const PageSettings = z.object({
  disabledCrms: z.array(z.enum(CRM_IDS)),
  /** Only the rules for the host of the page that asked. */
  rules: z.array(UserRule),
  strings: z.object({
    iconLabel: z.string().max(500),
    iconLabelNoName: z.string().max(500),
    panelTitle: z.string().max(500),
  }) satisfies z.ZodType<PageStrings>,
});
export type PageSettings = z.infer<typeof PageSettings>;

/**
 * Settings change what the product costs and where it runs: only the manager (the options
 * page) may change them, through the worker, which keeps them where no CRM page can write.
 * The content script may only read what it needs for its own page (its host's rules included).
 */
export const settingsMessages = defineMessages({
  settingsRead: { from: ['options'], input: empty, output: SettingsView },
  settingsSave: {
    from: ['options'],
    input: Settings.pick({ disabledCrms: true, postsFreshMinutes: true, profileFreshHours: true }).strict(),
    output: SettingsView,
  },
  pageSettings: { from: ['content'], input: empty, output: PageSettings },
});
