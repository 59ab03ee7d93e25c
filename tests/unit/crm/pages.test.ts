import { describe, expect, it } from 'vitest';
import { adapters, detectRecord } from '@/lib/crm/adapters';
import { crmPages, detectRecordPage } from '@/lib/crm/pages';

describe('the content script’s page halves', () => {
  it('are every adapter’s own functions, in the same order', () => {
    expect(crmPages.map((page) => page.id)).toEqual(adapters.map((adapter) => adapter.id));
    crmPages.forEach((page, index) => {
      const adapter = adapters[index];
      expect(page.parseRecordUrl).toBe(adapter?.parseRecordUrl);
      expect(page.findTitle).toBe(adapter?.findTitle);
      expect(page.readFields).toBe(adapter?.readFields);
    });
  });

  it('detect the same record as the adapters on every example URL', () => {
    for (const example of adapters.flatMap((adapter) => adapter.examples)) {
      const url = new URL(example);
      expect(detectRecordPage(url)?.ref, example).toEqual(detectRecord(url)?.ref);
    }
  });
});
