import { database } from '@/lib/store/db';
import { Outbox } from '@/lib/x/outbox';
import { guardPostSend } from './policy-guard';
import { xService } from './x-service';

/** The worker's one outbox: its record of sends in progress is what keeps two retries from racing. */
export const outbox = new Outbox({ db: database, x: xService, guard: guardPostSend });

/**
 * Sends the waiting posts again when the browser says the network is back. The worker may
 * be asleep then; the popup also asks for a retry when it opens, so nothing waits for long.
 */
export function retryWhenOnline(scope: {
  addEventListener(type: 'online', listener: () => void): void;
}): void {
  scope.addEventListener('online', () => {
    void outbox.retryAll().catch((error: unknown) => console.warn('Outbox retry failed', error));
  });
}
