// Finding things as a user names them, in Firefox. Puppeteer's `::-p-aria` and `::-p-text`
// queries run in a sandbox realm that Firefox's WebDriver BiDi does not create in extension
// (moz-extension:) pages, and BiDi cannot reach into the icon's closed shadow root, so these
// helpers compute the accessible name in the page's own realm; clicks and typing still go
// through BiDi's real input (ElementHandle.click and type).
import type { ElementHandle, Frame, Page } from 'puppeteer-core';

const POLL_MS = 50;

async function poll<T>(
  what: string,
  timeoutMs: number,
  attempt: () => Promise<T | null>,
  shown?: Frame | Page,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await attempt().catch(() => null);
    if (found !== null) return found;
    if (Date.now() > deadline) {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
      const text = shown ? await shown.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}.${text ? ` Shown:\n${text}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The first visible, reachable element whose accessible name (aria-label, aria-labelledby, its label, or
 * its text) is exactly `name`, once there is one.
 */
export async function byName(
  frame: Frame | Page,
  name: string,
  timeoutMs = 10_000,
): Promise<ElementHandle<HTMLElement>> {
  return poll(
    `an element named “${name}”`,
    timeoutMs,
    async () => {
      const handle = await frame.evaluateHandle((wanted) => {
        const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        const nameOf = (element: HTMLElement): string => {
          const label = element.getAttribute('aria-label');
          if (label) return label.trim();
          const labelledBy = element.getAttribute('aria-labelledby');
          if (labelledBy)
            return labelledBy
              .split(/\s+/)
              .map((id) => text(document.getElementById(id)))
              .join(' ');
          const labels = (element as HTMLInputElement).labels;
          if (labels && labels.length > 0) {
            // A label's own words, without the text of the control it wraps (a select's options).
            return [...labels]
              .map((l) => {
                const copy = l.cloneNode(true) as HTMLElement;
                for (const control of copy.querySelectorAll('select, textarea')) control.remove();
                return text(copy);
              })
              .join(' ');
          }
          return text(element);
        };
        // While a modal dialog is open the rest of the page is inert, out of reach as for a user.
        const scope = document.querySelector('dialog:modal') ?? document;
        const candidates = scope.querySelectorAll<HTMLElement>(
          'button, a, input, textarea, select, summary, [role], [aria-label], [aria-labelledby]',
        );
        return (
          [...candidates].find(
            (element) =>
              element.getClientRects().length > 0 &&
              !element.closest('[inert]') &&
              nameOf(element) === wanted,
          ) ?? null
        );
      }, name);
      const element = handle.asElement() as ElementHandle<HTMLElement> | null;
      if (!element) await handle.dispose();
      return element;
    },
    frame,
  );
}

/** Waits until the rendered text of `frame` contains `text`; returns that text. */
export function waitForText(frame: Frame | Page, text: string, timeoutMs = 10_000): Promise<string> {
  return poll(
    `“${text}” on the page`,
    timeoutMs,
    async () => {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
      const shown = await frame.evaluate(() => document.body?.innerText ?? '');
      return shown.includes(text) ? shown : null;
    },
    frame,
  );
}

/** Clears a field found by its accessible name and types `value` into it, as a user does. */
export async function fill(frame: Frame | Page, label: string, value: string): Promise<void> {
  const field = await byName(frame, label);
  await field.click({ count: 3 });
  await field.evaluate((element) => {
    (element as HTMLInputElement).select?.();
  });
  await field.type(value);
}

/**
 * The frame of `page` showing the extension page `path` (e.g. `/panel.html`). Firefox's BiDi
 * reports an extension frame inside a web page as about:blank, so each frame is asked where
 * it is.
 */
export function extensionFrame(page: Page, path: string, timeoutMs = 10_000): Promise<Frame> {
  return poll(`the ${path} frame`, timeoutMs, async () => {
    for (const frame of page.frames()) {
      if (frame.detached || frame === page.mainFrame()) continue;
      const where = await frame.evaluate(() => `${location.protocol}${location.pathname}`).catch(() => '');
      if (where === `moz-extension:${path}`) return frame;
    }
    return null;
  });
}

/**
 * Opens an extension page (e.g. `/options.html`) in a new tab. BiDi sends no load events for
 * moz-extension: navigations, so the page is awaited by asking it for its own address.
 */
export async function openExtensionPage(
  open: () => Promise<Page>,
  origin: string,
  path: string,
): Promise<Page> {
  const page = await open();
  void page.goto(`${origin}${path}`).catch(() => {
    // Never resolves in Firefox for extension pages: readiness is checked below.
  });
  await poll(`${path} to load`, 20_000, async () => {
    const ready = await page.evaluate(
      (wanted) => location.href === wanted && document.readyState === 'complete',
      `${origin}${path}`,
    );
    return ready ? true : null;
  });
  return page;
}

/**
 * Clicks `element` with BiDi's real mouse input at its centre. Inside an iframe the point is
 * moved by the frame's place on screen (Firefox's mozInnerScreenX/Y): puppeteer's own
 * ElementHandle.click asks BiDi for the frame's element with a locator Firefox 140 lacks.
 */
export async function click(page: Page, element: ElementHandle<Element>): Promise<void> {
  const point = await element.evaluate((target) => {
    target.scrollIntoView({ block: 'center' });
    const rect = target.getBoundingClientRect();
    const screen = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
    return {
      x: rect.left + rect.width / 2 + screen.mozInnerScreenX,
      y: rect.top + rect.height / 2 + screen.mozInnerScreenY,
    };
  });
  const origin = await page.evaluate(() => {
    const screen = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
    return { x: screen.mozInnerScreenX, y: screen.mozInnerScreenY };
  });
  await page.mouse.click(point.x - origin.x, point.y - origin.y);
}
