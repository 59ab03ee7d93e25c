import { describe, expect, it } from 'vitest';
import { parseTwitterField } from '@/lib/crm/twitter-handle';
import { fieldDecision } from '@/lib/store/field-association';

const byField = { handle: 'maria_acme', source: 'crm-field' as const };
const bySearch = { handle: 'maria_acme', source: 'search' as const };
const byHandle = { handle: 'maria_acme', source: 'handle' as const };

describe('the CRM Twitter field rule', () => {
  it('associates a handle in the field when the record has no association', () => {
    expect(fieldDecision(parseTwitterField('@Maria_Acme'), null)).toEqual({
      kind: 'associate',
      handle: 'Maria_Acme',
    });
  });

  it('associates a profile link the same way as a handle', () => {
    expect(fieldDecision(parseTwitterField('https://x.com/maria_acme'), null)).toEqual({
      kind: 'associate',
      handle: 'maria_acme',
    });
  });

  it('keeps an association the field made when the field still names it, whatever the case', () => {
    expect(fieldDecision(parseTwitterField('MARIA_ACME'), byField)).toEqual({ kind: 'keep' });
  });

  it('follows the field when it names someone else than the association it made', () => {
    expect(fieldDecision(parseTwitterField('@maria_real'), byField)).toEqual({
      kind: 'associate',
      handle: 'maria_real',
    });
  });

  it('never replaces a person the rep chose by search or typed handle', () => {
    expect(fieldDecision(parseTwitterField('@maria_real'), bySearch)).toEqual({ kind: 'keep' });
    expect(fieldDecision(parseTwitterField('@maria_real'), byHandle)).toEqual({ kind: 'keep' });
  });

  it('drops the association the field made once the field is emptied', () => {
    expect(fieldDecision(parseTwitterField(''), byField)).toEqual({ kind: 'drop' });
    expect(fieldDecision(parseTwitterField('   '), byField)).toEqual({ kind: 'drop' });
  });

  it('keeps what the rep chose when the field is emptied, and does nothing for an empty record', () => {
    expect(fieldDecision(parseTwitterField(''), bySearch)).toEqual({ kind: 'keep' });
    expect(fieldDecision(parseTwitterField(''), null)).toEqual({ kind: 'keep' });
  });

  it('changes nothing when the field holds text that is not a handle', () => {
    expect(fieldDecision(parseTwitterField('ask Maria'), null)).toEqual({ kind: 'keep' });
    expect(fieldDecision(parseTwitterField('ask Maria'), byField)).toEqual({ kind: 'keep' });
  });
});
