import { useRef, useState } from 'preact/hooks';
import { formatCount, t, tCount } from '@/lib/i18n';
import type { ImportReport } from '@/lib/messages/backup-messages';
import { decodeImportText } from '@/lib/store/import-text';
import { formatUsd } from '@/lib/x/prices';
import { messageOf, type Send } from './api';
import './maintenance.css';

/** The largest file read; the background refuses longer text as well. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

type Format = 'json' | 'csv';

/** Saves text as a file the way a page can without any permission: a Blob and <a download>. */
export function download(filename: string, mimeType: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** JSON when the name or the first character says so, else CSV. */
export function formatOf(name: string, text: string): Format {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  return text
    .trimStart()
    .replace(/^\uFEFF/, '')
    .startsWith('{')
    ? 'json'
    : 'csv';
}

/** Export of associations and settings; import with a preview to confirm or cancel. */
export function BackupSection({ send }: { send: Send }) {
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [pending, setPending] = useState<{
    name: string;
    format: Format;
    text: string;
    report: ImportReport;
  } | null>(null);
  const [done, setDone] = useState<{ name: string; report: ImportReport } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (failure) {
      setMessage({ text: messageOf(failure), isError: true });
    } finally {
      setBusy(false);
    }
  }

  const exportAs = (format: Format) =>
    run(async () => {
      const file = await send('backupExport', { format });
      download(file.filename, file.mimeType, file.text);
      setMessage({ text: t('backupExported', file.filename), isError: false });
    });

  const choose = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setPending(null);
    setDone(null);
    if (!file) return;
    void run(async () => {
      if (file.size > MAX_FILE_BYTES) throw new Error(t('importTooLarge'));
      // Size first: a file over the limit is never read into memory.
      const text = decodeImportText(await file.arrayBuffer());
      const format = formatOf(file.name, text);
      const report = await send('backupImport', { format, text, apply: false });
      setPending({ name: file.name, format, text, report });
      queueMicrotask(() => reportHeading.current?.focus());
    });
  };

  const reset = () => {
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const confirm = () =>
    run(async () => {
      if (!pending) return;
      const report = await send('backupImport', { format: pending.format, text: pending.text, apply: true });
      setDone({ name: pending.name, report });
      reset();
      queueMicrotask(() => reportHeading.current?.focus());
    });

  const cancel = () => {
    reset();
    setMessage({ text: t('importCancelled'), isError: false });
  };

  const preview = pending?.report;
  const hasWork =
    preview &&
    (preview.added > 0 ||
      preview.changed > 0 ||
      preview.lookup.handles > 0 ||
      preview.settings === 'changed');

  return (
    <section aria-labelledby="backup-heading" class="backup">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="status">{t('backupHelp')}</p>
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => exportAs('json')}>
          {t('backupExportJson')}
        </button>
        <button type="button" disabled={busy} onClick={() => exportAs('csv')}>
          {t('backupExportCsv')}
        </button>
      </div>
      <label class="file">
        {t('backupImportLabel')}
        <input
          ref={fileInput}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          aria-describedby="import-help"
          onChange={choose}
        />
      </label>
      <p id="import-help" class="status">
        {t('backupImportHelp')}
      </p>
      {preview && pending && (
        <div class="import-report">
          <h3 ref={reportHeading} tabIndex={-1}>
            {t('importPreviewHeading', pending.name)}
          </h3>
          <Report report={preview} />
          {preview.lookup.handles > 0 && (
            <p class={preview.lookup.account ? 'status' : 'error'}>
              {preview.lookup.account
                ? tCount(
                    'importLookupCost',
                    preview.lookup.handles,
                    preview.lookup.account,
                    tCount('lookupCalls', preview.lookup.calls),
                    formatUsd(preview.lookup.maxCostUsd),
                  )
                : t('importNoAccountForLookup')}
            </p>
          )}
          <div class="buttons">
            <button type="submit" disabled={busy || !hasWork} onClick={confirm}>
              {t('importConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
          {!hasWork && <p class="status">{t('importNothing')}</p>}
        </div>
      )}
      {done && (
        <div class="import-report" role="status">
          <h3 ref={reportHeading} tabIndex={-1}>
            {t('importDoneHeading', done.name)}
          </h3>
          <Report report={done.report} />
        </div>
      )}
      {message && (
        <p role={message.isError ? 'alert' : 'status'} class={message.isError ? 'error' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Counts, then the rows added, changed and refused (with row numbers and reasons). */
function Report({ report }: { report: ImportReport }) {
  const rowWord = report.format === 'csv' ? 'importRow' : 'importEntry';
  const settingsText =
    report.settings === 'changed'
      ? report.applied
        ? t('importSettingsChanged')
        : t('importSettingsWillChange')
      : report.settings === 'unchanged'
        ? t('importSettingsUnchanged')
        : report.settings === 'refused'
          ? t('importSettingsRefused', report.settingsReason)
          : '';
  return (
    <>
      <ul class="counts">
        <li>{tCount(report.applied ? 'importAdded' : 'importWillAdd', report.added)}</li>
        <li>{tCount(report.applied ? 'importChanged' : 'importWillChange', report.changed)}</li>
        <li>{tCount('importUnchanged', report.unchanged)}</li>
        <li>{tCount('importRefused', report.total, formatCount(report.refusedCount))}</li>
        {settingsText && <li>{settingsText}</li>}
      </ul>
      {report.refused.length > 0 && (
        <table class="refused">
          <caption>{t('importRefusedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(rowWord)}</th>
              <th scope="col">{t('importReason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.refused.map((refusal) => (
              <tr key={refusal.row}>
                <td>{refusal.row}</td>
                <td>{refusal.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(report.addedRows.length > 0 || report.changedRows.length > 0) && (
        <details>
          <summary>{t('importRowsDetails')}</summary>
          <table>
            <caption class="visually-hidden">{t('importRowsDetails')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(rowWord)}</th>
                <th scope="col">{t('importRecord')}</th>
                <th scope="col">{t('importHandle')}</th>
              </tr>
            </thead>
            <tbody>
              {report.addedRows.map((row) => (
                <tr key={`a${row.row}`}>
                  <td>{row.row}</td>
                  <td>{row.record}</td>
                  <td>@{row.handle}</td>
                </tr>
              ))}
              {report.changedRows.map((row) => (
                <tr key={`c${row.row}`}>
                  <td>{row.row}</td>
                  <td>{row.record}</td>
                  <td>{t('importHandleChange', row.before, `@${row.handle}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}
