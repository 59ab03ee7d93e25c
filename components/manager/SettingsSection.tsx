import { useEffect, useState } from 'preact/hooks';
import { crmLabel } from '@/lib/crm/crm-label';
import type { CrmId } from '@/lib/crm/record';
import { crmVendorLabels } from '@/lib/crm/vendor-labels';
import { formatCount, t } from '@/lib/i18n';
import { onSettingsChanged } from '@/lib/messages/settings-changed';
import type { SettingsView } from '@/lib/messages/settings-messages';
import { POSTS_FRESH_MINUTES, PROFILE_FRESH_HOURS } from '@/lib/store/settings-bounds';
import { messageOf, type Send } from './api';

/**
 * The CRMs a person can switch off: every built-in one and `custom` (the user's rules), in
 * the registry's order. Read from the build's label map, not the registry, so the manager
 * paints without every CRM's readers and zod.
 */
const CRM_CHOICES = [...Object.keys(crmVendorLabels), 'custom'] as CrmId[];

const whole = (text: string, bounds: { min: number; max: number }) => {
  const value = Number(text.trim());
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max ? value : null;
};

/**
 * Where the X icon appears and how long what X answered is reused. Saved through the worker,
 * which keeps them where no CRM page can write; read-only when the organisation locks them.
 */
export function SettingsSection({ send, refresh }: { send: Send; refresh: number }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [on, setOn] = useState<Set<CrmId>>(new Set());
  const [postsMinutes, setPostsMinutes] = useState('');
  const [profileHours, setProfileHours] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const show = (settings: SettingsView) => {
    setView(settings);
    setOn(new Set(CRM_CHOICES.filter((crm) => !settings.disabledCrms.includes(crm))));
    setPostsMinutes(String(settings.postsFreshMinutes));
    setProfileHours(String(settings.profileFreshHours));
  };

  useEffect(() => {
    const load = () =>
      send('settingsRead', {}).then(show, (failure: unknown) =>
        setMessage({ text: messageOf(failure), isError: true }),
      );
    void load();
    // A backup import or another manager tab may change them.
    return onSettingsChanged(() => void load());
  }, [send, refresh]);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const posts = whole(postsMinutes, POSTS_FRESH_MINUTES);
    const profile = whole(profileHours, PROFILE_FRESH_HOURS);
    if (posts === null || profile === null) {
      setMessage({
        text: t(
          'settingsFreshInvalid',
          `${formatCount(POSTS_FRESH_MINUTES.min)}–${formatCount(POSTS_FRESH_MINUTES.max)}`,
          `${formatCount(PROFILE_FRESH_HOURS.min)}–${formatCount(PROFILE_FRESH_HOURS.max)}`,
        ),
        isError: true,
      });
      return;
    }
    try {
      const saved = await send('settingsSave', {
        disabledCrms: CRM_CHOICES.filter((crm) => !on.has(crm)),
        postsFreshMinutes: posts,
        profileFreshHours: profile,
      });
      show(saved);
      setMessage({ text: t('settingsSaved'), isError: false });
    } catch (failure) {
      setMessage({ text: messageOf(failure), isError: true });
    }
  }

  const toggle = (crm: CrmId, checked: boolean) => {
    setMessage(null);
    setOn((current) => {
      const next = new Set(current);
      if (checked) next.add(crm);
      else next.delete(crm);
      return next;
    });
  };

  return (
    <section aria-labelledby="settings-heading" class="settings">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {!view && !message && <p class="status">{t('loading')}</p>}
      {view && (
        <form noValidate onSubmit={save}>
          <fieldset disabled={view.locked}>
            <legend>{t('settingsCrmsLegend')}</legend>
            {CRM_CHOICES.map((crm) => (
              <label key={crm}>
                <input
                  type="checkbox"
                  checked={on.has(crm)}
                  onChange={(event) => toggle(crm, (event.currentTarget as HTMLInputElement).checked)}
                />
                {crmLabel(crm)}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={view.locked} aria-describedby="settings-fresh-help">
            <legend>{t('settingsFreshLegend')}</legend>
            <label>
              {t('settingsPostsFresh')}
              <input
                type="number"
                min={POSTS_FRESH_MINUTES.min}
                max={POSTS_FRESH_MINUTES.max}
                step={1}
                inputMode="numeric"
                value={postsMinutes}
                onInput={(event) => setPostsMinutes((event.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <label>
              {t('settingsProfileFresh')}
              <input
                type="number"
                min={PROFILE_FRESH_HOURS.min}
                max={PROFILE_FRESH_HOURS.max}
                step={1}
                inputMode="numeric"
                value={profileHours}
                onInput={(event) => setProfileHours((event.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <p id="settings-fresh-help" class="status">
              {t('settingsFreshHelp')}
            </p>
          </fieldset>
          {view.locked && <p class="status">{t('setByOrganisation')}</p>}
          <button type="submit" disabled={view.locked}>
            {t('settingsSave')}
          </button>
        </form>
      )}
      {message && (
        <p role={message.isError ? 'alert' : 'status'} class={message.isError ? 'error' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
