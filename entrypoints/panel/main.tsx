import { render } from 'preact';
import { RecordPanel } from '@/components/panel/RecordPanel';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';
import '@/components/theme.css';
import '@/components/panel/panel.css';
import '@/components/composer.css';

document.title = t('panelTitle');
render(<RecordPanel send={sendMessage} />, document.getElementById('app') as HTMLElement);
