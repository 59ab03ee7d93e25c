import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { RecordPanel } from '@/components/RecordPanel';
import type { CrmRecord } from '@/lib/crm/record';

const lead: CrmRecord = {
  crm: 'zoho',
  tenant: 'org123',
  type: 'lead',
  id: '1',
  url: 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001',
  fullName: '<img src=x onerror=alert(1)> Maria Garcia',
  company: 'Acme Robotics',
  email: 'maria@acmerobotics.com',
};

describe('RecordPanel', () => {
  it('shows the loading state, then the lead as the page showed it, as text', async () => {
    render(<RecordPanel loadRecord={() => Promise.resolve(lead)} />);
    expect(screen.getByRole('status').textContent).toBe('Reading the record…');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('<img src=x onerror=alert(1)> Maria Garcia');
    expect(heading.querySelector('img')).toBeNull();
    expect(screen.getByText('Lead in Zoho CRM')).toBeTruthy();
    expect(screen.getByText('Acme Robotics')).toBeTruthy();
  });

  it('says when the tab no longer shows a record', async () => {
    render(<RecordPanel loadRecord={() => Promise.resolve(null)} />);
    expect(await screen.findByText(/does not show a lead, contact or company/)).toBeTruthy();
  });

  it('shows the background’s refusal in words', async () => {
    render(<RecordPanel loadRecord={() => Promise.reject(new Error('The extension did not answer.'))} />);
    expect((await screen.findByRole('alert')).textContent).toBe('The extension did not answer.');
  });
});
