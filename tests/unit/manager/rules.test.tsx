import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Send } from '@/components/manager/api';
import { RulesSection } from '@/components/manager/RulesSection';
import { RuleForm } from '@/components/manager/rules/RuleForm';
import { offerRecheck } from '@/components/manager/rules/recheck-script';
import type { RuleBrowser } from '@/components/manager/rules/rule-browser';
import type { UserRule } from '@/lib/crm/user-rules';

const CONTACTS: UserRule = {
  id: 'b5e0c1d2-3f4a-4b5c-8d6e-7f8091a2b3c4',
  name: 'Example CRM contacts',
  matches: 'https://crm.example-crm.com/*',
  pathKind: 'pattern',
  path: '/app/contacts/:id',
  type: 'contact',
  fields: {
    name: { by: 'selector', value: 'h1.contact-name' },
    email: { by: 'label', value: 'Email' },
  },
};
const LEADS: UserRule = {
  ...CONTACTS,
  id: 'c6f1d2e3-4a5b-4c6d-9e7f-8091a2b3c4d5',
  name: 'Example CRM leads',
  path: '/app/leads/:id',
  type: 'lead',
};

const field = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });

function formWith(editing: UserRule | null) {
  const onSave = vi.fn();
  const onTry = vi.fn();
  const onCancel = vi.fn();
  render(
    <RuleForm
      editing={editing}
      onAttempt={() => undefined}
      onTry={onTry}
      onSave={onSave}
      onCancel={onCancel}
      newId={() => 'new-rule-id'}
    />,
  );
  return { onSave, onTry, onCancel };
}

// The manager fetches the checker's script when the form shows; here it is offered at once.
beforeAll(async () => offerRecheck(await import('recheck')));

describe('the rule form', () => {
  it('hands on a new rule with a new id, leaving blank optional fields out', () => {
    const { onSave } = formWith(null);
    expect(screen.getByRole('heading', { name: 'New rule' })).toBeTruthy();
    type('ruleName', ' Example CRM contacts ');
    type('ruleMatches', 'HTTPS://crm.example-crm.com/*');
    type('rulePath', '/app/contacts/:id');
    type('rule-name', 'h1.contact-name');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(onSave).toHaveBeenCalledWith({
      id: 'new-rule-id',
      name: 'Example CRM contacts',
      matches: 'https://crm.example-crm.com/*',
      pathKind: 'pattern',
      path: '/app/contacts/:id',
      type: 'contact',
      fields: { name: { by: 'selector', value: 'h1.contact-name' } },
    });
    expect(screen.queryByRole('button', { name: 'Cancel editing' })).toBeNull();
  });

  it('says beside each field what is wrong, and hands nothing on', () => {
    const { onSave, onTry } = formWith(null);
    type('ruleMatches', 'crm.example-crm.com');
    type('rulePath', '/app/contacts');
    fireEvent.click(screen.getByRole('button', { name: 'Try on open tabs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    for (const name of ['ruleName', 'ruleMatches', 'rulePath', 'rule-name']) {
      expect(field(name).getAttribute('aria-invalid'), name).toBe('true');
      const note = document.getElementById(field(name).getAttribute('aria-describedby') ?? '');
      expect(note?.textContent, name).toBeTruthy();
    }
    expect(onSave).not.toHaveBeenCalled();
    expect(onTry).not.toHaveBeenCalled();
  });

  it('starts from a saved rule being edited, and saves it under the same id', () => {
    const { onSave, onCancel } = formWith(CONTACTS);
    expect(screen.getByRole('heading', { name: 'Editing the rule Example CRM contacts' })).toBeTruthy();
    expect(field('ruleName').value).toBe('Example CRM contacts');
    expect(field('ruleMatches').value).toBe('https://crm.example-crm.com/*');
    expect(field('rule-email').value).toBe('Email');
    expect(field('rule-company').value).toBe('');
    expect(document.activeElement).toBe(field('ruleName'));
    type('rulePath', '/app/people/:id');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(onSave).toHaveBeenCalledWith({ ...CONTACTS, path: '/app/people/:id' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel editing' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});

/** A worker keeping rules as the real one does (replacing by id), and a browser granting hosts. */
function setup(saved: UserRule[]) {
  let rules = [...saved];
  const send = vi.fn(async (name: string, input: unknown) => {
    if (name === 'rulesList') return rules;
    if (name === 'ruleSave') {
      const rule = input as UserRule;
      const index = rules.findIndex((other) => other.id === rule.id);
      rules = index < 0 ? [...rules, rule] : rules.with(index, rule);
      return rules;
    }
    if (name === 'ruleDelete') {
      rules = rules.filter((other) => other.id !== (input as { id: string }).id);
      return rules;
    }
    throw new Error(`unexpected ${name}`);
  });
  const hosts = {
    requestHost: vi.fn(async () => true),
    releaseHost: vi.fn(async () => undefined),
    tryOnOpenTabs: vi.fn(async () => []),
  } satisfies RuleBrowser;
  render(<RulesSection send={send as unknown as Send} hosts={hosts} />);
  return { hosts, rules: () => rules };
}

describe('the rules section', () => {
  it('replaces an edited rule, keeping its id, without asking for the host it already has', async () => {
    const { hosts, rules } = setup([CONTACTS, LEADS]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the rule Example CRM contacts' }));
    type('ruleName', 'Example CRM people');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText('Saved the rule Example CRM people. Its record pages now show the X icon.');
    expect(rules()).toEqual([{ ...CONTACTS, name: 'Example CRM people' }, LEADS]);
    expect(hosts.requestHost).not.toHaveBeenCalled();
    expect(hosts.releaseHost).not.toHaveBeenCalled();
    // The form is empty again, for a new rule.
    expect(screen.getByRole('heading', { name: 'New rule' })).toBeTruthy();
    expect(field('ruleName').value).toBe('');
    const list = screen.getByRole('list', { name: 'Saved rules' });
    expect(within(list).getByText(/Example CRM people/)).toBeTruthy();
  });

  it('asks for a new host when an edit changes it, and gives the old one back once no rule uses it', async () => {
    const { hosts, rules } = setup([CONTACTS]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the rule Example CRM contacts' }));
    type('ruleMatches', 'https://app.example-crm.com/*');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText(/Saved the rule Example CRM contacts/);
    expect(hosts.requestHost).toHaveBeenCalledExactlyOnceWith('https://app.example-crm.com/*');
    await waitFor(() =>
      expect(hosts.releaseHost).toHaveBeenCalledExactlyOnceWith('https://crm.example-crm.com/*'),
    );
    expect(rules()).toEqual([{ ...CONTACTS, matches: 'https://app.example-crm.com/*' }]);
  });

  it('keeps the old host while another rule still uses it', async () => {
    const { hosts } = setup([CONTACTS, LEADS]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the rule Example CRM leads' }));
    type('ruleMatches', 'https://app.example-crm.com/*');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText(/Saved the rule Example CRM leads/);
    expect(hosts.requestHost).toHaveBeenCalledOnce();
    expect(hosts.releaseHost).not.toHaveBeenCalled();
  });

  it('changes nothing when the browser refuses the new host', async () => {
    const { hosts, rules } = setup([CONTACTS]);
    hosts.requestHost.mockResolvedValue(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the rule Example CRM contacts' }));
    type('ruleMatches', 'https://app.example-crm.com/*');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser did not allow the site, so the rule was not tried or saved.',
    );
    expect(rules()).toEqual([CONTACTS]);
    expect(field('ruleMatches').value).toBe('https://app.example-crm.com/*');
  });

  it('asks for the host of a new rule, and adds it beside the others', async () => {
    const { hosts, rules } = setup([CONTACTS]);
    await screen.findByRole('button', { name: 'Edit the rule Example CRM contacts' });
    type('ruleName', 'Other CRM');
    type('ruleMatches', 'https://other.example/*');
    type('rulePath', '/c/:id');
    type('rule-name', 'h1');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText(/Saved the rule Other CRM/);
    expect(hosts.requestHost).toHaveBeenCalledExactlyOnceWith('https://other.example/*');
    expect(rules()).toHaveLength(2);
    expect(rules()[0]).toEqual(CONTACTS);
  });
});
