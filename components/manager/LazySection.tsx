import type { ComponentType } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { messageOf, type Send } from './api';

/** A section of the manager whose code is fetched when the person opens it. */
type Loaded = ComponentType<{ send: Send }>;

/**
 * A manager section shown by its heading and a Show button until the person asks for it; its
 * code (`load`, a dynamic import) is fetched then, so the manager paints first without it.
 * Once loaded, the section replaces this one and the keyboard focus moves into it.
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
  load: () => Promise<Loaded>;
  send: Send;
}) {
  const [state, setState] = useState<
    | { kind: 'closed' }
    | { kind: 'loading' }
    | { kind: 'open'; Section: Loaded }
    | { kind: 'failed'; message: string }
  >({ kind: 'closed' });
  const wrapper = useRef<HTMLDivElement>(null);
  const focusInside = useRef(false);

  // Before the browser paints the section: focus never jumps while the person already types in it.
  useLayoutEffect(() => {
    if (state.kind !== 'open' || !focusInside.current) return;
    focusInside.current = false;
    wrapper.current?.querySelector<HTMLElement>('button, input, select, textarea, a[href]')?.focus();
  }, [state]);

  const open = () => {
    setState({ kind: 'loading' });
    load().then(
      (Section) => {
        focusInside.current = true;
        setState({ kind: 'open', Section });
      },
      (error: unknown) => setState({ kind: 'failed', message: messageOf(error) }),
    );
  };

  if (state.kind === 'open') {
    return (
      <div ref={wrapper}>
        <state.Section send={send} />
      </div>
    );
  }
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
