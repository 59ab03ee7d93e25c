import { t } from '@/lib/i18n';
import type { keyMessages } from '@/lib/messages/key-messages';
import type { HandlersFor } from '@/lib/messages/router';
import { deleteAppKeys, getAppKeys, saveAppKeys } from '@/lib/store/app-keys';
import { database } from '@/lib/store/db';
import { verifyAppKeys } from '@/lib/x/auth/pin-sign-in';
import { XError } from '@/lib/x/errors';
import { managerState } from './manager-state';

/** The X app's keys. A locked policy refuses both (policy-guard.ts). */
export const keyHandlers: HandlersFor<typeof keyMessages> = {
  async keysSave({ consumerKey, consumerSecret, clientId }) {
    const db = await database();
    const recorded = await getAppKeys(db);
    const secret = consumerSecret || recorded?.consumerSecret || '';
    if (!secret) throw new XError('refused', t('keysSecretNeeded'));
    const pairChanged = consumerKey !== recorded?.consumerKey || secret !== recorded?.consumerSecret;
    // A pair X refuses is never kept as good: verify before saving.
    if (pairChanged) await verifyAppKeys(consumerKey, secret);
    await saveAppKeys(db, {
      consumerKey,
      consumerSecret: secret,
      clientId,
      verifiedAt: pairChanged ? Date.now() : (recorded?.verifiedAt ?? null),
    });
    return managerState();
  },

  async keysDelete() {
    await deleteAppKeys(await database());
    return managerState();
  },
};
