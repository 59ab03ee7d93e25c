/** Where a panel says it sits, and what the browser says of its tab. */
export interface PanelPlace {
  /** The panel's location.ancestorOrigins, nearest first; null where the browser has none (Firefox). */
  ancestorOrigins: readonly string[] | null;
  /** window.parent === window.top, as the panel saw it. */
  parentIsTop: boolean;
  /** The URL the tab's record was read at (the tab's URL then), or undefined with no record. */
  recordUrl: string | undefined;
  /** The tab's URL as the browser reports it now, if it reports one. */
  tabUrl: string | undefined;
}

const originOf = (href: string | undefined) => {
  try {
    return href ? new URL(href).origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * True when the panel sits directly in its tab's CRM page, where the icon puts it: one
 * ancestor, the origin of the page the tab's record was read on. Anything else (framed by
 * another site, nested in a frame, opened on its own) is not the record's page, so the panel
 * must show nothing there. Without ancestorOrigins, the browser's word on the tab's URL decides.
 */
export function panelIsOnItsRecord(place: PanelPlace): boolean {
  const recordOrigin = originOf(place.recordUrl);
  if (!recordOrigin || !place.parentIsTop) return false;
  if (place.ancestorOrigins) {
    return place.ancestorOrigins.length === 1 && place.ancestorOrigins[0] === recordOrigin;
  }
  return originOf(place.tabUrl) === recordOrigin;
}
