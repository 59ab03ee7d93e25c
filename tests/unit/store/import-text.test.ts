import { describe, expect, it } from 'vitest';
import { planImport } from '@/lib/store/backup';
import { decodeImportText } from '@/lib/store/import-text';

const LEAD = 'https://crm.zoho.com/crm/tab/Leads/4876876000000333001';
const TSV = `Record URL\tTwitter\r\n${LEAD}\t@maría_no\r\n`;

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

describe('an imported file’s bytes', () => {
  it.each([
    ['UTF-16LE with its mark (Excel’s Unicode text)', utf16(TSV, true)],
    ['UTF-16BE with its mark', utf16(TSV, false)],
    ['UTF-8 with its mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TSV)])],
    ['UTF-8 without a mark', new TextEncoder().encode(TSV)],
  ])('decodes %s to the same text, mark dropped', (_name, bytes) => {
    const text = decodeImportText(bytes);
    expect(text).toBe(TSV);
    expect(planImport(text, 'csv', 0).total).toBe(1);
  });
});
