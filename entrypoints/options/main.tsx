import { render } from 'preact';
import { Manager } from '@/components/manager/Manager';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';
import '@/components/theme.css';
import '@/components/manager/manager.css';

document.title = t('optionsTitle');
render(<Manager send={sendMessage} />, document.getElementById('app') as HTMLElement);
