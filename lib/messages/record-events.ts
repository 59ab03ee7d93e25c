/**
 * Told by the background to the extension's pages when a CRM tab shows another record (or
 * none). An announcement, not a request: nobody answers, and a page that does not care
 * ignores it. The panel of that tab then asks for its record again.
 */
export interface RecordChanged {
  event: 'recordChanged';
  tabId: number;
}

export function isRecordChanged(message: unknown): message is RecordChanged {
  const candidate = message as Partial<RecordChanged> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.event === 'recordChanged' &&
    Number.isInteger(candidate.tabId)
  );
}
