import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Send } from '@/components/manager/api';
import { SettingsSection } from '@/components/manager/SettingsSection';
import type { SettingsView } from '@/lib/messages/settings-messages';

const STORED: SettingsView = {
  disabledCrms: ['odoo'],
  postsFreshMinutes: 15,
  profileFreshHours: 24,
  locked: false,
};

/** A worker that keeps the settings as it is sent them, recording every save. */
function setup(view: SettingsView = STORED) {
  let current = view;
  const saves: unknown[] = [];
  const send = vi.fn(async (name: string, input: unknown) => {
    if (name === 'settingsRead') return current;
    if (name === 'settingsSave') {
      saves.push(input);
      current = { ...current, ...(input as Partial<SettingsView>) };
      return current;
    }
    throw new Error(`unexpected ${name}`);
  });
  render(<SettingsSection send={send as unknown as Send} refresh={0} />);
  return { saves };
}

const box = (name: string) => screen.findByRole('checkbox', { name }) as Promise<HTMLInputElement>;
const number = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;

describe('the settings section', () => {
  it('shows what the worker keeps: switched-off vendors unticked, the windows filled in', async () => {
    setup();
    expect((await box('Zoho CRM')).checked).toBe(true);
    expect((await box('Odoo')).checked).toBe(false);
    expect(number('A person’s posts, for (minutes)').value).toBe('15');
    expect(number('A profile, for (hours)').value).toBe('24');
  });

  it('saves a vendor switched off and both windows through the worker', async () => {
    const { saves } = setup();
    fireEvent.click(await box('Zoho CRM'));
    fireEvent.click(await box('Odoo'));
    fireEvent.input(number('A person’s posts, for (minutes)'), { target: { value: '60' } });
    fireEvent.input(number('A profile, for (hours)'), { target: { value: '48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(saves).toEqual([{ disabledCrms: ['zoho'], postsFreshMinutes: 60, profileFreshHours: 48 }]);
  });

  it.each(['0', '1441', '2.5', 'soon'])(
    'refuses a posts window of %s, saying the bounds, and saves nothing',
    async (value) => {
      const { saves } = setup();
      await box('Zoho CRM');
      fireEvent.input(number('A person’s posts, for (minutes)'), { target: { value } });
      fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
      expect((await screen.findByRole('alert')).textContent).toBe(
        'Enter whole minutes from 1–1,440 and whole hours from 1–720.',
      );
      expect(saves).toEqual([]);
    },
  );

  it('shows the settings read-only when the organisation locks them', async () => {
    setup({ ...STORED, locked: true });
    // Disabled through their group, as a browser shows and skips them.
    expect((await box('Zoho CRM')).closest('fieldset')?.disabled).toBe(true);
    expect(number('A profile, for (hours)').closest('fieldset')?.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save settings' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Set by your organisation')).toBeTruthy();
  });
});
