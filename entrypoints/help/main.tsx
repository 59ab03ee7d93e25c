import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type MessageKey, nameDocument, t } from '@/lib/i18n';
import '@/components/theme.css';

const SETUP_STEPS: MessageKey[] = [
  'helpStep1',
  'helpStep2',
  'helpStep3',
  'helpStep4',
  'helpStep5',
  'helpStep6',
];

/** Setting up the X app and the manager, after the Wintouch manual's walk-through. */
function Help() {
  const callback = browser.identity?.getRedirectURL?.() ?? '';
  return (
    <article>
      <h1>{t('helpTitle')}</h1>
      <h2>{t('helpSetupHeading')}</h2>
      <ol>
        {SETUP_STEPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      {callback && (
        <p>
          {t('helpCallback')} <code>{callback}</code>
        </p>
      )}
      <h2>{t('helpUseHeading')}</h2>
      <p>{t('helpUse')}</p>
    </article>
  );
}

nameDocument(document, 'helpTitle');
render(<Help />, document.getElementById('app') as HTMLElement);
