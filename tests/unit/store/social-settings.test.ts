import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/store/db';
import { readSocialSettings, updateSocialSettings } from '@/lib/store/social-settings';
import { speak, speakDefault } from '../speak';

const NAME = 'x-crm-social-settings-test';
let db: Awaited<ReturnType<typeof openDatabase>>;

beforeEach(async () => {
  db = await openDatabase(undefined, NAME);
});
afterEach(async () => {
  speakDefault();
  db.close();
  await deleteDB(NAME);
});

describe('the Social view’s starting words', () => {
  it('are hiring, RFP and funding in English', async () => {
    speak('en-US', 'en');
    expect((await readSocialSettings(db)).keywords).toEqual(['hiring', 'RFP', 'funding']);
  });

  it('are in German and Spanish when the browser speaks them', async () => {
    speak('de', 'de');
    expect((await readSocialSettings(db)).keywords).toEqual([
      'Stellenangebot',
      'Ausschreibung',
      'Finanzierung',
    ]);
    speak('es-ES', 'es');
    expect((await readSocialSettings(db)).keywords).toEqual(['contratando', 'licitación', 'financiación']);
  });

  it('give way to the rep’s own list, kept as typed in any UI language', async () => {
    speak('de', 'de');
    await updateSocialSettings(db, { keywords: ['Series B', 'hiring'] });
    speak('es-ES', 'es');
    expect((await readSocialSettings(db)).keywords).toEqual(['Series B', 'hiring']);
  });
});
