import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Send } from '@/components/manager/api';
import { LazySection } from '@/components/manager/LazySection';
import {
  loadSection,
  type MountSection,
  mountWith,
  offerSection,
} from '@/components/manager/section-scripts';

const send = vi.fn() as unknown as Send;

/** A section as its own script would carry it. */
function Backup() {
  return (
    <section>
      <h2>Backup</h2>
      <button type="button">Export JSON</button>
    </section>
  );
}

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('x-crm.managerSections')];
});

describe('a section fetched when opened', () => {
  it('is drawn by its own script in place of its Show button, with the focus in it', async () => {
    render(
      <LazySection id="backup-closed" heading="Backup" load={async () => mountWith(Backup)} send={send} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show Backup' }));
    const exportButton = await screen.findByRole('button', { name: 'Export JSON' });
    expect(document.activeElement).toBe(exportButton);
    expect(screen.queryByRole('button', { name: 'Show Backup' })).toBeNull();
  });

  it('is taken away by its own script when the manager goes', async () => {
    const unmounted = vi.fn();
    const mount: MountSection = (into) => {
      into.textContent = 'drawn';
      return unmounted;
    };
    const view = render(
      <LazySection id="rules-closed" heading="Other CRMs" load={async () => mount} send={send} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show Other CRMs' }));
    await screen.findByText('drawn');
    view.unmount();
    expect(unmounted).toHaveBeenCalledOnce();
  });

  it('says so, and keeps its Show button, when its script cannot be loaded', async () => {
    render(
      <LazySection
        id="backup-closed"
        heading="Backup"
        load={() => Promise.reject(new Error('This section could not be loaded.'))}
        send={send}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show Backup' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This section could not be loaded.');
    expect(screen.getByRole('button', { name: 'Show Backup' })).not.toHaveProperty('disabled', true);
  });
});

describe('loadSection', () => {
  /** The script element loadSection adds, kept out of the document: the test plays the browser. */
  function interceptScript(): () => HTMLScriptElement {
    let added: HTMLScriptElement | undefined;
    vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
      added = nodes[0] as HTMLScriptElement;
    });
    return () => added as HTMLScriptElement;
  }
  afterEach(() => vi.restoreAllMocks());

  it('fetches /manager-<name>.js and gives the section it offers; asked again, fetches nothing', async () => {
    const script = interceptScript();
    const mount = mountWith(Backup);
    const loading = loadSection('backup');
    expect(script().getAttribute('src')).toBe('/manager-backup.js');
    offerSection('backup', mount);
    script().dispatchEvent(new Event('load'));
    await expect(loading).resolves.toBe(mount);
    const appended = vi.mocked(document.head.append).mock.calls.length;
    await expect(loadSection('backup')).resolves.toBe(mount);
    expect(vi.mocked(document.head.append).mock.calls.length).toBe(appended);
  });

  it('fails in the person’s words when the script cannot be loaded', async () => {
    const script = interceptScript();
    const failed = loadSection('rules');
    script().dispatchEvent(new Event('error'));
    await expect(failed).rejects.toThrow('This section could not be loaded.');
  });

  it('fails in the person’s words when the script loads but offers no section', async () => {
    const script = interceptScript();
    const empty = loadSection('rules');
    script().dispatchEvent(new Event('load'));
    await expect(empty).rejects.toThrow('This section could not be loaded.');
  });
});
