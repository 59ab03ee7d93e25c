/**
 * The managed-policy schema as the build ships it: public/managed-schema.json with the CRM
 * list of `allowedCrms` written from the registry's ids, so a CRM added to the registry is one
 * an admin can allow without anyone editing the schema. Chrome shows the description to the
 * admin (chrome://policy); the ids are what the policy's array holds.
 * Throws when the template has no `allowedCrms` property (the schema file was changed by hand).
 */
export function managedSchemaWithCrms(template: string, crmIds: readonly string[]): string {
  const schema = JSON.parse(template) as {
    properties?: Record<string, { description?: string } | undefined>;
  };
  const allowedCrms = schema.properties?.allowedCrms;
  if (!allowedCrms) throw new Error('managed-schema.json has no allowedCrms property');
  allowedCrms.description = `The CRMs the X icon appears on: ${crmIds.join(', ')}. All when absent.`;
  return `${JSON.stringify(schema, null, 2)}\n`;
}
