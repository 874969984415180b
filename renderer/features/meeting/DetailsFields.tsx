// The details form's single fields, in the form's order: first the meeting itself (what, when,
// where, who, on whose convocation; the chairs are a list of their own, ChairsEditor.tsx), then how
// its minutes are written. Each change is saved as typed.
import type { ReactNode } from 'react';
import { genders, languages, meetingTypes, minutesStyles } from '../../../shared/domain.ts';
import { minutesTemplates } from '../../../shared/minutes/template.ts';
import { minutesStyleOf } from '../../../shared/summaries/style.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';
import { DayTimeField } from './DayTimeField.tsx';
import { HijriDateField } from './HijriDateField.tsx';
import type { FieldsProps } from './formFields.ts';


type TextName = 'title' | 'place' | 'city' | 'secretary' | 'reference' | 'convocationReference';
type DateName = 'date' | 'startTime' | 'endTime' | 'convocationDate';

function Field({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

function TextField({ name, wide = false, ...props }: FieldsProps & { name: TextName; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <Field label={t(name)} wide={wide}>
      <input name={name} value={props.value[name] ?? ''} readOnly={props.readOnly} dir="auto" maxLength={300} onChange={(e) => props.onChange({ [name]: e.target.value })} />
    </Field>
  );
}

function DateField({ name, type, ...props }: FieldsProps & { name: DateName; type: 'date' | 'time' }) {
  const { t } = useI18n();
  return <DayTimeField name={name} label={t(name)} kind={type} stored={props.value[name] ?? ''} readOnly={props.readOnly} onChange={(stored) => props.onChange({ [name]: stored })} />;
}

/** What, when, where, who, and on whose convocation. */
export function SessionFields(props: FieldsProps) {
  const { t } = useI18n();
  const { value: v, readOnly: ro } = props;
  return (
    <>
      <TextField {...props} name="title" wide />
      <ChoiceField name="type" label={t('type')} value={v.type} options={meetingTypes} optionLabel={(ty) => t(`type_${ty}`)} disabled={ro} onChange={(type) => props.onChange({ type })} />
      <DateField {...props} name="date" type="date" />
      <HijriDateField {...props} />
      <DateField {...props} name="startTime" type="time" />
      <DateField {...props} name="endTime" type="time" />
      <TextField {...props} name="place" />
      <TextField {...props} name="city" />
      <TextField {...props} name="secretary" />
      <ChoiceField
        name="secretaryGender"
        label={t('secretaryGender')}
        value={v.secretaryGender ?? 'unknown'}
        options={genders}
        optionLabel={(g) => (g === 'unknown' ? t('gender_unknown') : t(`secretaryGender_${g}`))}
        disabled={ro}
        onChange={(secretaryGender) => props.onChange({ secretaryGender })}
      />
      <TextField {...props} name="reference" />
      <TextField {...props} name="convocationReference" />
      <DateField {...props} name="convocationDate" type="date" />
    </>
  );
}

/** Summary or verbatim minutes; the type's default is named as such, and followed until the secretary picks one. */
function MinutesStyleField({ value: v, readOnly, onChange }: FieldsProps) {
  const { t } = useI18n();
  const byDefault = minutesStyleOf({ type: v.type });
  return (
    <ChoiceField
      name="minutesStyle"
      label={t('minutesStyle')}
      value={minutesStyleOf(v)}
      options={minutesStyles}
      optionLabel={(s) => (s === byDefault ? t('minutesStyleDefault', { style: t(`minutesStyle_${s}`) }) : t(`minutesStyle_${s}`))}
      disabled={readOnly}
      onChange={(minutesStyle) => onChange({ minutesStyle })}
    />
  );
}

/** How the minutes are written: quorum, legal basis, language, letterhead. */
export function MinutesFields(props: FieldsProps) {
  const { t } = useI18n();
  const { value: v, readOnly: ro } = props;
  return (
    <>
      {minutesTemplates[v.type].quorum && (
        <Field label={t('membersTotal')}>
          <input
            type="number"
            name="membersTotal"
            min={0}
            max={100000}
            value={v.membersTotal || ''}
            placeholder={String(v.participants.length)}
            readOnly={ro}
            onChange={(e) => props.onChange({ membersTotal: Math.max(0, Math.min(100_000, Math.trunc(Number(e.target.value) || 0))) })}
          />
        </Field>
      )}
      <Field label={t('legalBasis')} wide>
        <textarea name="legalBasis" rows={2} dir="auto" readOnly={ro} maxLength={20_000} value={v.legalBasis ?? ''} onChange={(e) => props.onChange({ legalBasis: e.target.value })} />
      </Field>
      <label className="field wide inline">
        <input type="checkbox" name="noDecisionConfirmed" checked={!!v.noDecisionConfirmed} disabled={ro} onChange={(e) => props.onChange({ noDecisionConfirmed: e.target.checked })} />
        <span>{t('noDecisionConfirmed')}</span>
      </label>
      <ChoiceField name="language" label={t('minutesLanguage')} value={v.language} options={languages} optionLabel={(l) => t(`lang_${l}`)} disabled={ro} onChange={(language) => props.onChange({ language })} />
      <MinutesStyleField {...props} />
      <Field label={t('letterhead')} wide>
        <textarea name="letterhead" rows={3} dir="auto" readOnly={ro} value={v.letterhead.join('\n')} onChange={(e) => props.onChange({ letterhead: e.target.value.split('\n').slice(0, 8) })} />
      </Field>
    </>
  );
}
