import { describe, expect, it, vi } from 'vitest';
import { closeOnEscape } from '@/entrypoints/panel/close-on-escape';

/** A key press as the browser delivers it: on the focused control, bubbling to the document. */
function press(target: Element, key: string, handledBy?: (event: KeyboardEvent) => void) {
  if (handledBy) target.addEventListener('keydown', handledBy as EventListener, { once: true });
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

describe('Escape inside the panel', () => {
  const setUp = () => {
    document.body.innerHTML = '<button type="button">Close the X panel</button><input aria-label="Handle" />';
    const close = vi.fn();
    const stop = closeOnEscape(document, close);
    return { close, stop, button: document.querySelector('button') as Element };
  };

  it('closes the panel from whichever control has the focus', () => {
    const { close, stop, button } = setUp();
    press(button, 'Escape');
    press(document.querySelector('input') as Element, 'Escape');
    expect(close).toHaveBeenCalledTimes(2);
    stop();
  });

  it('leaves the panel open when a control used the Escape itself (a completion list closing)', () => {
    const { close, stop } = setUp();
    press(document.querySelector('input') as Element, 'Escape', (event) => event.preventDefault());
    expect(close).not.toHaveBeenCalled();
    stop();
  });

  it('ignores other keys, and stops listening when told', () => {
    const { close, stop, button } = setUp();
    press(button, 'Enter');
    press(button, 'Esc');
    stop();
    press(button, 'Escape');
    expect(close).not.toHaveBeenCalled();
  });
});
