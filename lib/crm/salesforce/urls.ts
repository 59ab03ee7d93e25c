import type { RecordType, VendorRecordRef } from '../adapter';

/**
 * Lightning runs on <mydomain>.lightning.force.com; Classic on <mydomain>.my.salesforce.com.
 * Government Cloud Plus uses crmforce.mil / salesforce.mil, and Microsoft Defender for Cloud
 * Apps proxies any of them under a .mcas.ms suffix. Sandboxes and developer orgs add a
 * segment (acme--uat.sandbox.lightning.force.com), which the wildcard covers.
 */
const HOST_SUFFIXES = [
  { lightning: '.lightning.force.com', classic: '.my.salesforce.com' },
  { lightning: '.lightning.crmforce.mil', classic: '.my.salesforce.mil' },
] as const;
const PROXY_SUFFIX = '.mcas.ms';

export const salesforceMatches = HOST_SUFFIXES.flatMap(({ lightning, classic }) =>
  [lightning, classic, `${lightning}${PROXY_SUFFIX}`, `${classic}${PROXY_SUFFIX}`].map(
    (suffix) => `https://*${suffix}/*`,
  ),
);

/** Lightning object API names, and the key prefix every id of that object starts with. */
const OBJECTS: Record<string, { type: RecordType; prefix: string }> = {
  Lead: { type: 'lead', prefix: '00Q' },
  Contact: { type: 'contact', prefix: '003' },
  // Person accounts share the 001 prefix; they are keyed as companies like any account.
  Account: { type: 'company', prefix: '001' },
};
const PREFIX_TYPES = new Map(Object.values(OBJECTS).map(({ type, prefix }) => [prefix, type]));

const ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
const LIGHTNING_PATH = new RegExp(`^/lightning/r/(?:(Lead|Contact|Account)/)?(${ID})/view/?$`);
/** The pre-2017 Lightning URL, still produced by old bookmarks and emails. */
const ONE_APP_HASH = new RegExp(`^#/sObject/(${ID})(?:/view)?/?(?:\\?.*)?$`);
const CLASSIC_PATH = new RegExp(`^/(${ID})/?$`);

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The case-insensitive 18-character form of a Salesforce id: Classic URLs carry 15 characters,
 * Lightning 18, and an association must survive the user switching between them. Returns
 * undefined for an 18-character id whose checksum does not hold (not a Salesforce id).
 */
export function salesforceId18(id: string): string | undefined {
  const base = id.slice(0, 15);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = base.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  if (id.length === 18 && id.slice(15).toUpperCase() !== suffix) return undefined;
  return base + suffix;
}

/**
 * The org's canonical My Domain host. Lightning, Classic and the Defender proxy are three
 * hosts for one org; keying records by one of them keeps an association when the user moves.
 */
function canonicalTenant(host: string): { tenant: string; lightning: boolean } | undefined {
  const unproxied = host.endsWith(PROXY_SUFFIX) ? host.slice(0, -PROXY_SUFFIX.length) : host;
  for (const { lightning, classic } of HOST_SUFFIXES) {
    for (const [suffix, isLightning] of [
      [lightning, true],
      [classic, false],
    ] as const) {
      const name = unproxied.endsWith(suffix) ? unproxied.slice(0, -suffix.length) : '';
      // A My Domain name is letters, digits and hyphens, with dots only before sandbox/develop.
      if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)?$/.test(name)) {
        return { tenant: `${name}${classic}`, lightning: isLightning };
      }
    }
  }
  return undefined;
}

/** A Salesforce lead, contact or account record page, in Lightning or Classic. */
export function parseSalesforceRecordUrl(url: URL): VendorRecordRef<'salesforce'> | undefined {
  if (url.protocol !== 'https:') return undefined;
  const org = canonicalTenant(url.hostname);
  if (!org) return undefined;
  let objectName: string | undefined;
  let rawId: string | undefined;
  if (org.lightning) {
    const path = LIGHTNING_PATH.exec(url.pathname);
    const hash = url.pathname === '/one/one.app' ? ONE_APP_HASH.exec(url.hash) : null;
    [objectName, rawId] = path ? [path[1], path[2]] : [undefined, hash?.[1]];
  } else {
    rawId = CLASSIC_PATH.exec(url.pathname)?.[1];
  }
  const id = rawId && salesforceId18(rawId);
  if (!id) return undefined;
  const type = PREFIX_TYPES.get(id.slice(0, 3));
  // A Lead URL with a contact's id is a broken link, not a contact page.
  if (!type || (objectName && OBJECTS[objectName]?.type !== type)) return undefined;
  return { crm: 'salesforce', tenant: org.tenant, type, id };
}

/** The Lightning object API name of a record type, as it appears in field attributes. */
export function salesforceObjectName(type: RecordType): string {
  return type === 'lead' ? 'Lead' : type === 'contact' ? 'Contact' : 'Account';
}
