import { describe, expect, it } from 'vitest';
import { readByLabel } from '@/lib/crm/labels';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}

describe('reading a CRM field by its visible label', () => {
  it('reads the value beside the label, and an input’s value', () => {
    const doc = page(`
      <div><span>Email</span><span> maria@acmerobotics.com </span></div>
      <div><label>Company:</label><div><input value="Acme Robotics"></div></div>`);
    expect(readByLabel(doc, ['Email'])).toBe('maria@acmerobotics.com');
    expect(readByLabel(doc, ['company'])).toBe('Acme Robotics');
  });

  it('gives nothing for an empty field instead of reading the next row', () => {
    const doc = page(`
      <div><span>Twitter</span><span></span></div>
      <div><span>Lead Source</span><span>Trade Show</span></div>`);
    expect(readByLabel(doc, ['Twitter'])).toBeUndefined();
  });

  it('reads a label wrapped alone in its cell from the next cell', () => {
    const doc = page('<dl><dt><span>Twitter</span></dt><dd>@maria</dd></dl>');
    expect(readByLabel(doc, ['Twitter'])).toBe('@maria');
  });
});
