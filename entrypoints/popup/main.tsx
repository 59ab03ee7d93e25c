import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';
import '@/components/theme.css';
import '@/components/composer.css';

document.title = t('popupTitle');
render(
  <Popup send={sendMessage} openManager={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app') as HTMLElement,
);
