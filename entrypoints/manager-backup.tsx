import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BackupSection } from '@/components/manager/BackupSection';
import { mountWith, offerSection } from '@/components/manager/section-scripts';

/** The manager's Backup section, fetched when the person opens it (see section-scripts.tsx). */
export default defineUnlistedScript(() => offerSection('backup', mountWith(BackupSection)));
