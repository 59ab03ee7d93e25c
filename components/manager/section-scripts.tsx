import { type ComponentType, render } from 'preact';
import { t } from '@/lib/i18n';
import type { Send } from './api';

/**
 * Shows a manager section in `into`, from the section's own script; returns what takes it
 * away again. The section renders with the preact its script carries: a component cannot be
 * handed from one bundle's preact to another's (their hooks do not share state), so each
 * on-demand section is a root of its own.
 */
export type MountSection = (into: HTMLElement, props: { send: Send }) => () => void;

/** The on-demand sections, each built as a script of its own (entrypoints/manager-<name>.tsx). */
export type SectionName = 'backup' | 'rules';

const OFFERED = Symbol.for('x-crm.managerSections');
type World = { [OFFERED]?: Partial<Record<SectionName, MountSection>> };

/** How `Component` is mounted by the script that carries it. */
export function mountWith(Component: ComponentType<{ send: Send }>): MountSection {
  return (into, props) => {
    render(<Component {...props} />, into);
    return () => render(null, into);
  };
}

/** Called by a section's script when it runs: makes the section available to the manager. */
export function offerSection(name: SectionName, mount: MountSection): void {
  const world = globalThis as World;
  world[OFFERED] = { ...world[OFFERED], [name]: mount };
}

/**
 * The section `name`, fetching its script (`/manager-<name>.js`) the first time. The manager
 * is one classic script so that it paints after a single file; a classic script cannot load
 * parts of itself later, so the sections it shows on demand come as scripts of their own.
 * @throws Error (`sectionLoadFailed`, for the person) when the script cannot be loaded or does
 *   not offer the section.
 */
export function loadSection(name: SectionName): Promise<MountSection> {
  return loadOffered(`/manager-${name}.js`, () => (globalThis as World)[OFFERED]?.[name]);
}

/**
 * What the script at `src` (an extension file) offers in this world, read by `offered`;
 * the script is fetched the first time only.
 * @throws Error (`sectionLoadFailed`, for the person) when the script cannot be loaded or
 *   does not offer it.
 */
export function loadOffered<T>(src: string, offered: () => T | undefined): Promise<T> {
  const ready = offered();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => {
      const value = offered();
      if (value) resolve(value);
      else reject(new Error(t('sectionLoadFailed')));
    });
    script.addEventListener('error', () => {
      script.remove();
      reject(new Error(t('sectionLoadFailed')));
    });
    document.head.append(script);
  });
}
