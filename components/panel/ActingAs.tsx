import { t } from '@/lib/i18n';
import type { AccountSummary } from '@/lib/store/accounts';

/** Which X account the panel acts as: the default, switchable among the enabled ones. */
export function ActingAs({
  accounts,
  value,
  onChange,
  label = t('actingAs'),
}: {
  accounts: AccountSummary[];
  value: string | null;
  onChange: (xUserId: string) => void;
  /** "Acting as" in the panel, "Posting as" in the popup. */
  label?: string;
}) {
  if (accounts.length === 0) return null;
  const current = value ?? accounts.find((a) => a.isDefault)?.xUserId ?? accounts[0]?.xUserId;
  return (
    <label class="acting-as">
      {label}{' '}
      <select
        value={current}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {accounts.map((account) => (
          <option key={account.xUserId} value={account.xUserId}>
            @{account.handle} ({account.name})
          </option>
        ))}
      </select>
    </label>
  );
}
