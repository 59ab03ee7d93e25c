import { t } from '@/lib/i18n';
import { SocialViewButton } from '../social/SocialViewButton';

/**
 * The panel's top bar with its close button. The panel is an iframe on the CRM page, so
 * closing is asked of the content script that mounted it (`onClose`).
 */
export function PanelHeader({ onClose }: { onClose: () => void }) {
  return (
    <div class="panel-header">
      <SocialViewButton />
      <button type="button" class="panel-close" aria-label={t('panelClose')} onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
