// Test data: the product never reads it at run time, so the build leaves this file's
// arrays empty in every bundle (wxt.config.ts); unit tests and the registry's convention
// test read it whole.

/** Real record URLs, each of which the URL reader must read. */
export const examples = [
  'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
  'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAF/view',
  'https://acme.lightning.force.com/lightning/r/Account/0015g00000QrStUAAV/view',
  'https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q8a00000Lm9NoEAJ/view?ws=%2Flightning%2Fr%2FLead%2F00Q8a00000Lm9NoEAJ%2Fview',
  'https://acme.lightning.force.com.mcas.ms/lightning/r/Contact/0038a00000Pq3RsAAJ/view',
  'https://navy-ops.lightning.crmforce.mil/lightning/r/Lead/00Qt000000ABcdeEAD/view',
  'https://acme.lightning.force.com/lightning/r/0015g00000QrStUAAV/view',
  'https://acme.lightning.force.com/one/one.app#/sObject/00Q5g00000AbCdEEAV/view',
  'https://acme.my.salesforce.com/00Q5g00000AbCdE',
  'https://acme.my.salesforce.com/0035g00000XyZ12?srPos=0&srKp=003',
  'https://acme-dev-ed.develop.my.salesforce.com/0015g00000QrStUAAV',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const lookAlikes = [
  'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent',
  'https://acme.lightning.force.com/lightning/o/Lead/new',
  'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/edit',
  'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/related/Histories/view',
  'https://acme.lightning.force.com/lightning/page/home',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view',
  'https://acme.lightning.force.com/lightning/r/Lead/0035g00000XyZ12AAF/view',
  'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEXXX/view',
  'https://evil-lightning.force.com.example.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
  'http://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
  'https://acme.my.salesforce.com/00Q/o',
  'https://acme.my.salesforce.com/00Q5g00000AbCdE/e?retURL=%2F00Q5g00000AbCdE',
  'https://acme.my.salesforce.com/0065g00000AbCdE',
] as const;
