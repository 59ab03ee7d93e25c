import { render } from 'preact';
import { RecordPanel } from '@/components/RecordPanel';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';
import '@/components/theme.css';

const loadRecord = () => sendMessage('currentRecord', {});

document.title = t('panelTitle');
render(<RecordPanel loadRecord={loadRecord} />, document.getElementById('app') as HTMLElement);
