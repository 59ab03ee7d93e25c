// The demo CRM: fixture pages from tests/fixtures served over HTTPS at their vendors' real
// URLs. The browser maps the vendors' hosts to this server, so the extension sees
// https://crm.zoho.com/… and its production match patterns are what runs.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { makeCertificate } from '../../tests/fake-x/certificate';

export interface DemoRecord {
  /** what a person would call it, for the printed list and the index page */
  label: string;
  url: string;
  /** path under tests/fixtures */
  fixture: string;
}

export const ZOHO_LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
export const SALESFORCE_CONTACT =
  'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAF/view';
export const HUBSPOT_CONTACT = 'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801';

/** The record pages of tests/fixtures/README.md (the single-page apps and the large page aside). */
export const DEMO_RECORDS: readonly DemoRecord[] = [
  { label: 'Zoho CRM lead Maria Garcia', url: ZOHO_LEAD, fixture: 'zoho/lead.html' },
  {
    label: 'Zoho CRM contact Maria Garcia',
    url: 'https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000444001',
    fixture: 'zoho/contact.html',
  },
  {
    label: 'Zoho CRM account Acme Robotics',
    url: 'https://crm.zoho.com/crm/org123456/tab/Accounts/2401386000000112007',
    fixture: 'zoho/account.html',
  },
  {
    label: 'Salesforce contact Chloé Dubois-Lefèvre',
    url: SALESFORCE_CONTACT,
    fixture: 'salesforce/contact.html',
  },
  {
    label: 'Salesforce lead José Núñez-O’Brien',
    url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
    fixture: 'salesforce/lead.html',
  },
  {
    label: 'Salesforce account Núñez & Hijos',
    url: 'https://acme.lightning.force.com/lightning/r/Account/0015g00000QrStUAAV/view',
    fixture: 'salesforce/account.html',
  },
  { label: 'HubSpot contact Priya Natarajan', url: HUBSPOT_CONTACT, fixture: 'hubspot/contact.html' },
  {
    label: 'HubSpot company Lumen Data Labs',
    url: 'https://app.hubspot.com/contacts/21436587/record/0-2/18273645501',
    fixture: 'hubspot/company.html',
  },
  {
    label: 'Pipedrive person Dana Whitfield',
    url: 'https://acmerobotics.pipedrive.com/person/1042',
    fixture: 'pipedrive/person.html',
  },
  {
    label: 'Dynamics 365 lead Nora Lindqvist',
    url: 'https://contoso.crm.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
    fixture: 'dynamics/lead.html',
  },
  {
    label: 'Odoo contact Mei Tanaka',
    url: 'https://acme-robotics.odoo.com/odoo/contacts/7',
    fixture: 'odoo/contact.html',
  },
];

/** Every host the demo pages live on: the browser's resolver maps each to this server. */
export const DEMO_HOSTS: readonly string[] = [
  ...new Set(DEMO_RECORDS.map((record) => new URL(record.url).hostname)),
];

export interface CrmServer {
  port: number;
  close(): Promise<void>;
}

/** Host and path+query as the WHATWG URL parser writes them, so both sides compare alike. */
function routeKey(url: URL): string {
  return `${url.hostname}${url.pathname}${url.search}`;
}

export async function startCrmServer(): Promise<CrmServer> {
  const routes = new Map(DEMO_RECORDS.map((record) => [routeKey(new URL(record.url)), record]));
  const { key, cert } = await makeCertificate(DEMO_HOSTS);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    const record = routes.get(routeKey(new URL(req.url ?? '/', `https://${host}`)));
    if (!record) {
      // Anything else (/, favicon, a typo) gets the list of demo records to click through.
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(indexPage());
      return;
    }
    // Read on every request, so an edited fixture shows on reload.
    const body = await readFile(resolve('tests/fixtures', record.fixture));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The demo CRM server failed: ${String(error)}`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // The browser keeps connections alive; do not wait for it to hang up.
        server.closeAllConnections();
      }),
  };
}

function indexPage(): string {
  const html = (text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
  const items = DEMO_RECORDS.map(
    (record) => `<li><a href="${html(record.url)}">${html(record.label)}</a></li>`,
  ).join('\n');
  return `<!doctype html><meta charset="utf-8"><title>X for CRM sandbox</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:40rem}</style>
<h1>Demo CRM pages</h1><p>This sandbox serves only these record pages:</p><ul>${items}</ul>`;
}
