import type { UserRuleReading } from '@/lib/crm/user-rule-read';
import { formatList, t } from '@/lib/i18n';
import { FIELD_LABEL } from './rule-draft';
import type { TriedTab } from './rule-browser';

function readingText(reading: UserRuleReading | undefined): string {
  if (!reading) return t('ruleTryNoAnswer');
  if (reading.ok) return '';
  if (reading.reason === 'host') return t('ruleTryWrongHost');
  if (reading.reason === 'path') return t('ruleTryNoRecord');
  if (reading.reason === 'name') {
    return t('ruleTryNotFound', formatList(reading.missing.map((key) => t(FIELD_LABEL[key]))));
  }
  return t('ruleTryFailed');
}

/** What a rule read on each open tab of its host, or why it read nothing there. */
export function TriedTabs({ tried }: { tried: readonly TriedTab[] }) {
  return (
    <ul class="rule-tried" aria-label={t('ruleTryResults')}>
      {tried.map((tab) => (
        <li key={tab.url}>
          <strong>{tab.title || tab.url}</strong>
          {tab.reading?.ok ? (
            <dl>
              <dt>{t('ruleType')}</dt>
              <dd>{tab.reading.type}</dd>
              <dt>{t('ruleId')}</dt>
              <dd>{tab.reading.id}</dd>
              <dt>{t('ruleFieldName')}</dt>
              <dd>{tab.reading.fields.fullName}</dd>
              <dt>{t('ruleFieldCompany')}</dt>
              <dd>{tab.reading.fields.company ?? '—'}</dd>
              <dt>{t('ruleFieldEmail')}</dt>
              <dd>{tab.reading.fields.email ?? '—'}</dd>
              <dt>{t('ruleFieldTwitter')}</dt>
              <dd>{tab.reading.fields.twitterField ?? '—'}</dd>
              {tab.reading.missing.length > 0 && (
                <>
                  <dt>{t('ruleMissing')}</dt>
                  <dd>{formatList(tab.reading.missing.map((key) => t(FIELD_LABEL[key])))}</dd>
                </>
              )}
            </dl>
          ) : (
            <p>{readingText(tab.reading)}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
