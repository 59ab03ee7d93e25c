import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

function Popup() {
  return (
    <>
      <h1>{t('popupTitle')}</h1>
      <p class="status">{t('popupIntro')}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openManager')}
      </button>
    </>
  );
}

document.title = t('popupTitle');
render(<Popup />, document.getElementById('app') as HTMLElement);
