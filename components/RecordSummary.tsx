import { crmLabel } from '@/lib/crm/crm-label';
import type { CrmRecord } from '@/lib/crm/record';
import type { TwitterField } from '@/lib/crm/twitter-handle';
import { type MessageKey, t } from '@/lib/i18n';

const TYPE_LABEL: Record<CrmRecord['type'], MessageKey> = {
  lead: 'typeLead',
  contact: 'typeContact',
  company: 'typeCompany',
};

/** The record as read from the CRM page. Everything shown is page text, rendered as text. */
export function RecordSummary({ record, field }: { record: CrmRecord; field?: TwitterField }) {
  const rows: [MessageKey, string | undefined][] = [
    ['fieldCompany', record.company],
    ['fieldEmail', record.email],
    [
      'fieldTwitter',
      record.twitterField &&
        (field?.kind === 'invalid' ? t('fieldNotAHandle', record.twitterField) : record.twitterField),
    ],
  ];
  return (
    <section class="record" aria-labelledby="record-name">
      <h1 id="record-name">{record.fullName || t('panelUnnamed')}</h1>
      <p class="record-kind">{t('panelRecordOf', t(TYPE_LABEL[record.type]), crmLabel(record.crm))}</p>
      <dl>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
