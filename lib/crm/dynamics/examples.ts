// Test data: the product never reads it at run time, so the build leaves this file's
// arrays empty in every bundle (wxt.config.ts); unit tests and the registry's convention
// test read it whole.

/** Real record URLs, each of which the URL reader must read. */
export const examples = [
  'https://contoso.crm.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=%7B0F6E2B9A-1C3D-4E5F-8A7B-9C0D1E2F3A4B%7D',
  'https://contoso.crm.dynamics.com/main.aspx?appname=sales&pagetype=entityrecord&etn=account&id={A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D}',
  'https://fabrikam.crm4.dynamics.com/main.aspx?appid=11111111-2222-4333-8444-555555555555&forceUCI=1&pagetype=entityrecord&etn=contact&id=c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  'https://fabrikam.crm4.dynamics.com/main.aspx?etc=4&id=%7b9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b%7d&pagetype=entityrecord',
  'https://northwind.crm11.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=0d9c8b7a-6f5e-4d4c-9b3a-2f1e0d9c8b7a&navbar=off',
  'https://northwind.crm3.dynamics.com/main.aspx?appid=aa00bb11-cc22-4d33-8e44-ff5566778899&pagetype=entityrecord&etn=account&id=1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b&formid=8448b78f-8f42-454e-8e2a-f8196b0419af',
  'https://tailspin.crm12.dynamics.com/main.aspx?PageType=EntityRecord&ETN=Lead&ID=%7B2B3C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D6E%7D',
  'https://contoso.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://alpine-sales.crm17.dynamics.com/main.aspx?appid=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d&pagetype=entityrecord&etn=contact&id=7c6b5a49-3827-4165-9f4e-3d2c1b0a9f8e',
  'https://seoul-trading.crm21.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
  'https://county-services.crm9.dynamics.com/main.aspx?appid=5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e&pagetype=entityrecord&etn=contact&id=9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  'https://agency.crm.microsoftdynamics.us/main.aspx?pagetype=entityrecord&etn=lead&id=4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
  'https://command.crm.appsplatform.us/main.aspx?pagetype=entityrecord&etn=account&id={6F7A8B9C-0D1E-4F2A-9B3C-4D5E6F7A8B9C}',
  'https://shanghai-mfg.crm.dynamics.cn/main.aspx?pagetype=entityrecord&etn=contact&id=8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const lookAlikes = [
  'https://contoso.crm.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001003',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=dashboard&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  // Not regions: Microsoft's pre-production ring, numbers never used, look-alike hosts.
  'https://contoso.crm10.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm13.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm140.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm14.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm14-dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.api.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://agency.crm.microsoftdynamics.us.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://agency.crm.dynamics.us/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.dynamics.cn/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'http://contoso.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.microsoftdynamics.de/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
] as const;
