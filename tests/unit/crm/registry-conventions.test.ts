import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CrmVendor, RECORD_TYPES } from '@/lib/crm/adapter';
import { crmVendors } from '@/lib/crm/registry';
import { fixturePages } from '../../fixtures/index';
import { crmVendors as withMadeUpCrm } from '../../made-up-crm/registry';

const MATCH_PATTERN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/;

/**
 * What every registered CRM must carry, checked for the product's registry and for the tests'
 * registry with a made-up CRM (which must pass as any other): examples and look-alikes that its
 * URL reader tells apart from every other CRM's, a fixture page in the fixture index at one of
 * its record URLs, a label, field labels, export columns and a search address.
 */
function conventions(registry: readonly CrmVendor[]) {
  const readers = (href: string) =>
    registry.filter((vendor) => vendor.parseRecordUrl(new URL(href))).map((vendor) => vendor.id);

  it('has unique ids, none of them `custom` (a user rule’s), and unique labels', () => {
    const ids = registry.map((vendor) => vendor.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('custom');
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    const labels = registry.map((vendor) => vendor.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  for (const vendor of registry) {
    describe(vendor.id, () => {
      it('has a label and https match patterns for whole hosts', () => {
        expect(vendor.label.trim()).not.toBe('');
        expect(vendor.matches.length).toBeGreaterThan(0);
        for (const pattern of vendor.matches) expect(pattern).toMatch(MATCH_PATTERN);
      });

      it('has example record URLs only it reads, each of its own kind', () => {
        expect(vendor.examples.length).toBeGreaterThan(0);
        for (const example of vendor.examples) {
          expect(readers(example), example).toEqual([vendor.id]);
          const ref = vendor.parseRecordUrl(new URL(example));
          expect(ref?.crm, example).toBe(vendor.id);
          expect(RECORD_TYPES, example).toContain(ref?.type);
        }
      });

      it('has look-alikes that no CRM reads as a record', () => {
        expect(vendor.lookAlikes.length).toBeGreaterThan(0);
        for (const lookAlike of vendor.lookAlikes) expect(readers(lookAlike), lookAlike).toEqual([]);
      });

      it('has a fixture page in the fixture index, at a record URL it reads', () => {
        const pages = fixturePages(vendor.id);
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) {
          expect(existsSync(resolve('tests/fixtures', page.fixture)), page.fixture).toBe(true);
          expect(readers(page.url), page.url).toEqual([vendor.id]);
        }
      });

      it('names its field labels and export columns', () => {
        const { company, email, twitter } = vendor.fieldLabels;
        for (const label of [...company, ...email, ...twitter]) expect(label.trim()).not.toBe('');
        expect(twitter.length).toBeGreaterThan(0);
        for (const [column, type] of Object.entries(vendor.exportColumns.recordIds)) {
          expect(column.trim()).not.toBe('');
          expect(RECORD_TYPES).toContain(type);
        }
        for (const column of vendor.exportColumns.handles) expect(column.trim()).not.toBe('');
      });

      it('gives its own search address for a name in each tenant, or none', () => {
        const name = 'José Núñez & Co #1';
        for (const example of vendor.examples) {
          const ref = vendor.parseRecordUrl(new URL(example));
          const address = ref && vendor.searchUrl(ref.tenant, name);
          if (address === undefined) continue;
          const url = new URL(address);
          expect(url.protocol).toBe('https:');
          // The search runs on a host of the CRM itself, with the whole name, never cut at & or #.
          expect(
            vendor.matches.some((pattern) => hostMatches(pattern, url.hostname)),
            address,
          ).toBe(true);
          expect(url.hash).toBe('');
          expect([...url.searchParams.values()]).toContain(name);
        }
      });
    });
  }
}

function hostMatches(pattern: string, hostname: string): boolean {
  const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
  return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
}

describe('every CRM in the registry', () => conventions(crmVendors));

describe('the tests’ registry, with a made-up CRM', () => {
  it('is the product’s registry and one more', () => {
    expect(withMadeUpCrm.slice(0, crmVendors.length)).toEqual([...crmVendors]);
    expect(withMadeUpCrm.map((vendor) => vendor.id).slice(crmVendors.length)).toEqual(['larkspur']);
  });
  conventions(withMadeUpCrm);
});
