import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { messageOf, type Send } from './api';
import type { MountSection } from './section-scripts';

/**
 * A manager section shown by its heading and a Show button until the person asks for it; its
 * code (`load`, its own script: see section-scripts.tsx) is fetched then, so the manager
 * paints first without it. Once loaded, the section replaces this one and the keyboard focus
 * moves into it.
 */
export function LazySection({
  id,
  heading,
  load,
  send,
}: {
  /** The id of the heading, unique on the page. */
  id: string;
  heading: string;
  load: () => Promise<MountSection>;
  send: Send;
}) {
  const [state, setState] = useState<
    | { kind: 'closed' }
    | { kind: 'loading' }
    | { kind: 'open'; mount: MountSection }
    | { kind: 'failed'; message: string }
  >({ kind: 'closed' });
  const wrapper = useRef<HTMLDivElement>(null);
  const focusInside = useRef(false);

  // Before the browser paints the section: focus never jumps while the person already types in it.
  // The section's script draws it at once (preact's render is synchronous), so its controls exist here.
  useLayoutEffect(() => {
    const into = wrapper.current;
    if (state.kind !== 'open' || !into) return;
    const unmount = state.mount(into, { send });
    if (focusInside.current) {
      focusInside.current = false;
      into.querySelector<HTMLElement>('button, input, select, textarea, a[href]')?.focus();
    }
    return unmount;
  }, [state, send]);

  const open = () => {
    setState({ kind: 'loading' });
    load().then(
      (mount) => {
        focusInside.current = true;
        setState({ kind: 'open', mount });
      },
      (error: unknown) => setState({ kind: 'failed', message: messageOf(error) }),
    );
  };

  if (state.kind === 'open') return <div ref={wrapper} />;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <button type="button" disabled={state.kind === 'loading'} onClick={open}>
        {t('sectionShow', heading)}
      </button>
      {state.kind === 'loading' && (
        <p role="status" class="status">
          {t('loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="error">
          {state.message}
        </p>
      )}
    </section>
  );
}
