// Test data: the product never reads it at run time, so the build leaves this file's
// arrays empty in every bundle (wxt.config.ts); unit tests and the registry's convention
// test read it whole.

/** Real record URLs, each of which the URL reader must read. */
export const examples = [
  'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801',
  'https://app.hubspot.com/contacts/21436587/record/0-136/98765432101/',
  'https://app.hubspot.com/contacts/21436587/record/0-2/18273645501',
  'https://app-eu1.hubspot.com/contacts/143928374/record/0-1/7301',
  'https://app-eu1.hubspot.com/contacts/143928374/record/0-2/9110022334?eschref=%2Fcontacts%2F143928374%2Fobjects%2F0-2',
  'https://app-na2.hubspot.com/contacts/242000111/record/0-136/30000000001/view/1',
  'https://app-ap1.hubspot.com/contacts/442000123/record/0-1/1001',
  'https://app.hubspot.com/contacts/62515/contact/1751',
  'https://app.hubspot.com/contacts/62515/company/184789011',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const lookAlikes = [
  'https://app.hubspot.com/contacts/21436587/objects/0-1/views/all/list',
  'https://app.hubspot.com/contacts/21436587/record/0-3/51234567801',
  'https://www.hubspot.com/contacts/21436587/record/0-1/51234567801',
  'https://knowledge.hubspot.com/contacts/21436587/record/0-1/51234567801',
  'https://app.hubspot.com.evil.example/contacts/21436587/record/0-1/51234567801',
  'https://hubspot.com.evil.example/contacts/1/record/0-1/2',
] as const;
