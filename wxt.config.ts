import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import type { CrmVendor } from './lib/crm/adapter';
import { crmVendors } from './lib/crm/registry';
import { managedSchemaWithCrms } from './lib/store/managed-schema';

/**
 * The public half of the extension's signing key. It pins the Chrome extension id to
 * igdoendhfdhhnipboohihecaklcghkmh, which the X app's OAuth callback URL
 * (https://igdoendhfdhhnipboohihecaklcghkmh.chromiumapp.org/) depends on.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAoMn+FzU1C6T0UvXbXm9fbz9VHG9vuBjkXQok8wOBa4dgEtdlHKjy3WX9WwgGAaifNR9y2zyUnreZebEcSpp3HtWhGntvOI18XBjS2VOcyx84f76NB04EZxAn8gOxAbTQbdfLSav87OUljd/e2O/sDe+fiq7/Zq/n9FNENxROMFImbSk+1XRRTeEARCzBAJZfIGjEEuahvM3LzRKxqVtLaR0Ec3J9nA75O/rvLjeIjZUq4VTHQ5t4zXBRJuOzfBCatXVV1KqqRkBaBCbyB0obaDMSClyDD4WIJRUW2S7SrC7aOjV9lOEMwnsSHBIIt8TmrYljlr+KkfjiEXnTFLH7gQIDAQAB';

/**
 * Firefox's add-on settings. The id fixes the add-on's identity on addons.mozilla.org and its
 * Sign in with X callback (https://<SHA-1 of the id>.extensions.allizom.org/). Firefox 140 (the
 * current ESR) is the first that reads data_collection_permissions; the code needs nothing
 * newer (storage.session 115, scripting.registerContentScripts 102, MV3 109).
 * data_collection_permissions declares what leaves the browser, in Mozilla's categories
 * (extensionworkshop.com, "Firefox built-in consent for data collection and transmission"):
 * the record's full name read from the CRM page goes to X's user search
 * (websiteContent, personallyIdentifyingInfo), posts and replies go to X
 * (personalCommunications), and sign-in sends the X app's keys and tokens to X
 * (authenticationInfo). Nothing goes anywhere but X.
 */
const FIREFOX_GECKO_SETTINGS = {
  id: 'x-for-crm@extension',
  strict_min_version: '140.0',
  data_collection_permissions: {
    required: ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications', 'websiteContent'],
  },
};

/**
 * The content script runs on every CRM page, so every byte counts there. Its handful of APIs
 * (runtime messages, storage, i18n) return promises natively in MV3 Chrome and Firefox, so it
 * uses the browser's own `browser`/`chrome` object; the extension pages and the worker keep
 * webextension-polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  let contentScript = false;
  return {
    name: 'x-crm:native-browser-in-content-scripts',
    enforce: 'pre',
    options(options) {
      // The CRM page script and the record-ui script it imports run in CRM pages too.
      contentScript = /\.content|crm-page|record-ui\.ts/.test(JSON.stringify(options.input ?? ''));
    },
    resolveId(source) {
      if (!contentScript || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return resolve('node_modules/@wxt-dev/browser/src/index.mjs');
    },
  };
}

/**
 * Each CRM's example URLs and look-alikes (lib/crm/<crm>/examples.ts) are test data that the
 * product never reads at run time: every bundle gets them as empty arrays, so the content script
 * every CRM page loads, and the extension pages, do not carry some 9 KB of URLs. Unit tests,
 * which do not go through this build, read them whole.
 */
function crmExamplesLeftOut(): Plugin {
  const examples = /[\\/]lib[\\/]crm[\\/][a-z0-9-]+[\\/]examples\.ts$/;
  return {
    name: 'x-crm:crm-examples-left-out',
    enforce: 'pre',
    load(id) {
      if (!examples.test(id)) return null;
      return 'export const examples = [];\nexport const lookAlikes = [];\n';
    },
  };
}

/**
 * The pages that only name a CRM read its label from lib/crm/vendor-labels.ts. In the bundles
 * that module is the finished map, made here from the build's registry as the policy schema's
 * CRM list is, so the panel and popup do not carry the registry with every CRM's readers.
 */
function crmLabelsWithoutRegistry(): Plugin {
  const labels = /[\\/]lib[\\/]crm[\\/]vendor-labels\.ts$/;
  return {
    name: 'x-crm:crm-labels-without-registry',
    enforce: 'pre',
    async load(id) {
      if (!labels.test(id)) return null;
      const map = Object.fromEntries((await buildVendors()).map((vendor) => [vendor.id, vendor.label]));
      return `export const crmVendorLabels = ${JSON.stringify(map)};\n`;
    },
  };
}

/**
 * A build may list more CRMs than the product does: X_CRM_REGISTRY names a module exporting
 * `crmVendors` (the built-in list and more), which then stands in for lib/crm/registry.ts in
 * the bundles and the manifest alike. The end-to-end tests add a made-up CRM this way, from its
 * own folder under tests/, to prove a CRM needs nothing outside its folder and the registry.
 * Such a build goes to its own output folder, never to the product's.
 */
const REGISTRY = resolve('lib/crm/registry.ts');
const registryOverride = process.env.X_CRM_REGISTRY ? resolve(process.env.X_CRM_REGISTRY) : undefined;

async function buildVendors(): Promise<readonly CrmVendor[]> {
  if (!registryOverride) return crmVendors;
  const module = (await import(registryOverride)) as { crmVendors: readonly CrmVendor[] };
  return module.crmVendors;
}

function registryOverridePlugin(): Plugin {
  return {
    name: 'x-crm:registry-override',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!registryOverride || !importer || importer === registryOverride) return null;
      if (!/(?:^|\/)registry(?:\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === REGISTRY ? registryOverride : null;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  ...(registryOverride ? { outDir: '.output/with-registry-override' } : {}),
  hooks: {
    // The policy schema's CRM list is the registry's (see lib/store/managed-schema.ts).
    'build:publicAssets': async (_wxt, files) => {
      const index = files.findIndex((file) => file.relativeDest === 'managed-schema.json');
      const file = files[index];
      if (!file || !('absoluteSrc' in file)) throw new Error('public/managed-schema.json is missing');
      const ids = [...(await buildVendors()).map((vendor) => vendor.id), 'custom'];
      files[index] = {
        relativeDest: file.relativeDest,
        contents: managedSchemaWithCrms(readFileSync(file.absoluteSrc, 'utf8'), ids),
      };
    },
  },
  vite: () => ({
    plugins: [
      preact(),
      nativeBrowserInContentScripts(),
      registryOverridePlugin(),
      crmExamplesLeftOut(),
      crmLabelsWithoutRegistry(),
    ],
    resolve: {
      // twitter-api-v2 is written for Node: give it browser stand-ins (see lib/x/transport).
      alias: {
        crypto: resolve('lib/x/transport/node-crypto.ts'),
        https: resolve('lib/x/transport/node-unavailable.ts'),
        zlib: resolve('lib/x/transport/node-unavailable.ts'),
        fs: resolve('lib/x/transport/node-unavailable.ts'),
        events: resolve('node_modules/events/events.js'),
      },
    },
  }),
  manifest: async ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: FIREFOX_GECKO_SETTINGS,
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: CHROME_PUBLIC_KEY,
          // The first Chrome where web_accessible_resources' use_dynamic_url holds (Chrome 130:
          // developer.chrome.com/blog/extension-news-october-2024, crbug.com/40151106). Before
          // it the flag was accepted and ignored, so any page could frame the panel at its
          // static URL; the panel's safety rests on the dynamic one.
          minimum_chrome_version: '130',
        }),
    action: { default_title: '__MSG_actionTitle__' },
    // Opens the popup from the keyboard; people can change it at chrome://extensions/shortcuts.
    commands: {
      _execute_action: { suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' } },
      // The Social view beside the page (Chrome's side panel, Firefox's sidebar).
      'open-social-view': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_socialOpenCommand__',
      },
    },
    // scripting: a user rule's host gets the content script registered at run time, and the
    // manager tries a rule on an open tab before it is saved (executeScript).
    // alarms: the Social view's scheduled refresh, off until the rep turns it on.
    permissions: [
      'storage',
      'downloads',
      'identity',
      'scripting',
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Any other CRM, through a user rule: its one host is asked for when the rule is saved,
    // never at install, and given back when the rule is deleted.
    optional_host_permissions: ['https://*/*'],
    storage: { managed_schema: 'managed-schema.json' },
    // X sends no CORS headers: only the worker, with these hosts granted, can call it.
    host_permissions: ['https://api.x.com/*'],
    // The CRM page script (entrypoints/crm-page), listed here rather than by WXT: see there why.
    // At the end of parsing rather than when the page is idle: a record page's title is usually
    // there by then, and the icon comes up to a tenth of a second sooner. A page that is no
    // record costs the same either way (its URL is all that is read).
    content_scripts: [
      {
        matches: (await buildVendors()).flatMap((vendor) => vendor.matches),
        js: ['crm-page.js'],
        run_at: 'document_end',
      },
    ],
    web_accessible_resources: [
      {
        // The icon and panel code: the content script imports it on record pages only.
        resources: ['panel.html', 'record-ui.js'],
        matches: (await buildVendors()).flatMap((vendor) => vendor.matches),
        use_dynamic_url: true,
      },
      {
        // A user rule's host is known only at run time, and this list cannot grow then: the
        // panel is reachable from any https page, still only at its per-session dynamic URL,
        // which only the content script knows, inside its closed shadow root. The background
        // answers the panel only in a tab showing a record.
        resources: ['panel.html', 'record-ui.js'],
        matches: ['https://*/*'],
        use_dynamic_url: true,
      },
    ],
  }),
});
