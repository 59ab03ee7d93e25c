import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelHost } from '@/entrypoints/crm-page/panel-host';
import { mountRecordUi } from '@/entrypoints/crm-page/record-ui';

const panel: PanelHost = {
  toggle: () => false,
  prepare: () => {},
  isOpen: () => false,
  remove: () => {},
  onChange: () => () => {},
};

/** Lets the MutationObserver deliver what the page did. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the icon watching the page for its record’s title', () => {
  // A controller per test: one aborted by the test before would leave the next icon unremoved.
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    document.body.innerHTML = '';
  });
  /** The icon for Ada Lovelace, floating until `findTitle` finds her title. */
  const mountFloating = (findTitle: () => Element | null) =>
    mountRecordUi({
      title: null,
      findTitle,
      label: 'Open X panel for Ada Lovelace',
      panel,
      signal: controller.signal,
    });

  it('floating, passes by text updates and removals without querying the page, and moves to a title that comes', async () => {
    document.body.innerHTML = '<div id="clock">09:00</div><ul id="feed"><li>one</li></ul><main></main>';
    const findTitle = vi.fn(() => document.querySelector('h1.record-name'));
    mountFloating(findTitle);
    expect(document.querySelector('x-crm-record')?.hasAttribute('data-floating')).toBe(true);
    const clock = document.getElementById('clock') as HTMLElement;
    for (let minute = 1; minute <= 30; minute++) {
      clock.textContent = `09:${String(minute).padStart(2, '0')}`;
      await observed();
    }
    document.querySelector('#feed li')?.remove();
    await observed();
    expect(findTitle).not.toHaveBeenCalled();

    const heading = document.createElement('h1');
    heading.className = 'record-name';
    heading.textContent = 'Ada Lovelace';
    document.querySelector('main')?.append(heading);
    await observed();
    const host = document.querySelector('x-crm-record');
    expect(host?.previousElementSibling).toBe(heading);
    expect(host?.hasAttribute('data-floating')).toBe(false);
  });

  it('floating, comes back when the page removes it', async () => {
    document.body.innerHTML = '<main></main>';
    const findTitle = vi.fn(() => null);
    mountFloating(findTitle);
    document.querySelector('x-crm-record')?.remove();
    await observed();
    expect(document.querySelectorAll('x-crm-record')).toHaveLength(1);
  });
});
