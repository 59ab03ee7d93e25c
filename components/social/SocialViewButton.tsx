import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { canOpenSocialView, openSocialView } from '@/lib/side-panel';

/**
 * Opens the Social view beside the page. The window is learnt first, because the browser only
 * opens a side panel within the click's own turn: no await may come before the call.
 */
export function SocialViewButton({ onOpened }: { onOpened?: () => void }) {
  const [windowId, setWindowId] = useState<number | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    // A browser (or a test's stand-in) without windows simply leaves the button off.
    Promise.resolve()
      .then(() => browser.windows.getCurrent())
      .then((current: { id?: number } | undefined) => setWindowId(current?.id ?? null))
      .catch(() => setWindowId(null));
  }, []);
  // Firefox's record panel cannot open the sidebar: it says where the Social view opens instead.
  if (!canOpenSocialView()) return <p class="status social-open-hint">{t('socialOpenHint')}</p>;
  return (
    <>
      <button
        type="button"
        class="social-open"
        disabled={windowId === null}
        onClick={() => {
          if (windowId === null) return;
          openSocialView({ windowId }).then(
            () => onOpened?.(),
            (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
          );
        }}
      >
        {t('socialOpen')}
      </button>
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
    </>
  );
}
