// Test data: the product never reads it at run time, so the build leaves this file's
// arrays empty in every bundle (wxt.config.ts); unit tests and the registry's convention
// test read it whole.

/** Real record URLs, each of which the URL reader must read. */
export const examples = [
  'https://acmerobotics.pipedrive.com/person/1042',
  'https://acmerobotics.pipedrive.com/person/1042/',
  'https://acmerobotics.pipedrive.com/organization/318',
  'https://acmerobotics.pipedrive.com/leads/inbox/5d6a8f20-3c41-11ef-9b1e-3f7c2a1d8e90',
  'https://nordic-sales.pipedrive.com/person/77?tab=activity',
  'https://nordic-sales.pipedrive.com/organization/9001',
  'https://nordic-sales.pipedrive.com/leads/archived/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'https://brasil-vendas.pipedrive.com/person/20451#activity',
  'https://brasil-vendas.pipedrive.com/leads/inbox/c0ffee00-1234-4bcd-9abc-def012345678',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const lookAlikes = [
  'https://acmerobotics.pipedrive.com/persons/list',
  'https://acmerobotics.pipedrive.com/deal/12',
  'https://acmerobotics.pipedrive.com/leads/inbox',
  'https://www.pipedrive.com/person/1042',
  'http://acmerobotics.pipedrive.com/person/1042',
  'https://pipedrive.com.evil.example/person/1',
] as const;
