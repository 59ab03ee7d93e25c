import { render } from 'preact';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

function Options() {
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <p class="status">{t('optionsIntro')}</p>
    </>
  );
}

document.title = t('optionsTitle');
render(<Options />, document.getElementById('app') as HTMLElement);
