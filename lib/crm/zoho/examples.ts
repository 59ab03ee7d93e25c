// Test data: the product never reads it at run time, so the build leaves this file's
// arrays empty in every bundle (wxt.config.ts); unit tests and the registry's convention
// test read it whole.

/** Real record URLs, each of which the URL reader must read. */
export const examples = [
  'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
  'https://crm.zoho.com/crm/tab/Leads/4876876000000333001',
  'https://crm.zoho.eu/crm/org20071234/tab/Contacts/5725767000000419001',
  'https://crm.zoho.in/crm/org60012345/tab/Accounts/2401386000000112007',
  'https://crm.zoho.com.au/crm/org7001234/tab/Leads/8765430000000100002',
  'https://crm.zoho.jp/crm/org90012345/tab/Contacts/1234560000000001001/',
  'https://crm.zoho.com.cn/crm/org555/tab/Leads/3030300000000123456',
  'https://crm.zohocloud.ca/crm/org110000123/tab/Accounts/6060600000000654321',
  'https://crm.zoho.sa/crm/org333/tab/Contacts/7070700000000111222?sub_module=Activities',
  'https://one.zoho.com/zohoone/acme/home/cxapp/crm/org123456/tab/Leads/4876876000000333002',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const lookAlikes = [
  'https://crm.zoho.com/crm/org123456/tab/Leads/listview',
  'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001/convert',
  'https://crm.zoho.com/crm/org123456/tab/Leads/create',
  'https://crm.zoho.com/crm/org123456/tab/Potentials/4876876000000333001',
  'https://crm.zoho.com.evil.example/crm/org123456/tab/Leads/4876876000000333001',
  'http://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
  'https://crm.zoho.com/crm/org123456/tab/Home/begin',
  'https://www.zoho.com/crm/tab/Leads/4876876000000333001',
] as const;
