import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SocialViewButton } from '@/components/social/SocialViewButton';

const fake = fakeBrowser as unknown as { sidebarAction?: { open(): Promise<void> } };
const HINT = 'The Social view opens from the X for CRM toolbar button, or with Alt+Shift+S.';

const getCurrent = fakeBrowser.windows.getCurrent;
afterEach(() => {
  delete fake.sidebarAction;
  fakeBrowser.windows.getCurrent = getCurrent;
});

describe('the Social view button', () => {
  it('opens Firefox’s sidebar where the page has sidebarAction (the popup)', async () => {
    const opened: string[] = [];
    fake.sidebarAction = {
      open: async () => {
        opened.push('sidebar');
      },
    };
    fakeBrowser.windows.getCurrent = (async () => ({ id: 1 })) as unknown as typeof getCurrent;
    render(<SocialViewButton />);
    const button = screen.getByRole('button', { name: 'Social view' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(opened).toEqual(['sidebar']));
    expect(screen.queryByText(HINT)).toBeNull();
  });

  it('says where the Social view opens where the page has no side API (Firefox’s record panel)', () => {
    render(<SocialViewButton />);
    expect(screen.getByText(HINT)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Social view' })).toBeNull();
  });
});
