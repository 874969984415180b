// The meeting form: what the minutes' heading, opening paragraph and attendance are made of.
import { genders, meetingTypes, languages, type MeetingFields } from '../../../shared/domain.ts';
import { minutesTemplates } from '../../../shared/minutes/template.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AnnexesEditor } from './AnnexesEditor.tsx';
import { ParticipantsEditor } from './ParticipantsEditor.tsx';

export const formFieldNames = [
  'title', 'type', 'date', 'startTime', 'endTime', 'place', 'chair', 'secretary', 'reference', 'letterhead', 'language', 'participants', 'agenda',
  'chairGender', 'noDecisionConfirmed', 'convocationReference', 'convocationDate', 'legalBasis', 'hijriAdjust', 'membersTotal', 'annexes',
] as const;
export type FormFields = Pick<MeetingFields, (typeof formFieldNames)[number]>;

export function MeetingForm(props: { value: FormFields; onChange(patch: Partial<FormFields>, undoable?: boolean): void; readOnly: boolean }) {
  const { t } = useI18n();
  const v = props.value;
  const ro = props.readOnly;
  const text = (name: 'title' | 'place' | 'chair' | 'secretary' | 'reference' | 'convocationReference', wide = false) => (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{t(name)}</span>
      <input name={name} value={v[name] ?? ''} readOnly={ro} dir="auto" maxLength={300} onChange={(e) => props.onChange({ [name]: e.target.value })} />
    </label>
  );
  const hijriOptions = ['-1', '0', '1'] as const;
  const hijriLabel = { '-1': 'hijriAdjust_minus', '0': 'hijriAdjust_none', '1': 'hijriAdjust_plus' } as const;
  return (
    <form className="meeting-form" onSubmit={(e) => e.preventDefault()} aria-label={t('details')}>
      <div className="grid">
        {text('title', true)}
        <ChoiceField name="type" label={t('type')} value={v.type} options={meetingTypes} optionLabel={(ty) => t(`type_${ty}`)} disabled={ro} onChange={(type) => props.onChange({ type })} />
        <label className="field">
          <span>{t('date')}</span>
          <input type="date" name="date" value={v.date} readOnly={ro} onChange={(e) => props.onChange({ date: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('startTime')}</span>
          <input type="time" name="startTime" value={v.startTime} readOnly={ro} onChange={(e) => props.onChange({ startTime: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('endTime')}</span>
          <input type="time" name="endTime" value={v.endTime} readOnly={ro} onChange={(e) => props.onChange({ endTime: e.target.value })} />
        </label>
        {text('place')}
        {text('chair')}
        <ChoiceField
          name="chairGender"
          label={t('chairGender')}
          value={v.chairGender ?? 'unknown'}
          options={genders}
          optionLabel={(g) => (g === 'unknown' ? t('gender_unknown') : t(`chairGender_${g}`))}
          disabled={ro}
          onChange={(chairGender) => props.onChange({ chairGender })}
        />
        {text('secretary')}
        {text('reference')}
        {text('convocationReference')}
        <label className="field">
          <span>{t('convocationDate')}</span>
          <input type="date" name="convocationDate" value={v.convocationDate ?? ''} readOnly={ro} onChange={(e) => props.onChange({ convocationDate: e.target.value })} />
        </label>
        <ChoiceField
          name="hijriAdjust"
          label={t('hijriAdjust')}
          value={String(v.hijriAdjust ?? 0) as (typeof hijriOptions)[number]}
          options={hijriOptions}
          optionLabel={(o) => t(hijriLabel[o])}
          disabled={ro}
          onChange={(o) => props.onChange({ hijriAdjust: Number(o) })}
        />
        {minutesTemplates[v.type].quorum && (
          <label className="field">
            <span>{t('membersTotal')}</span>
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
          </label>
        )}
        <label className="field wide">
          <span>{t('legalBasis')}</span>
          <textarea name="legalBasis" rows={2} dir="auto" readOnly={ro} maxLength={20_000} value={v.legalBasis ?? ''} onChange={(e) => props.onChange({ legalBasis: e.target.value })} />
        </label>
        <label className="field wide inline">
          <input
            type="checkbox"
            name="noDecisionConfirmed"
            checked={!!v.noDecisionConfirmed}
            disabled={ro}
            onChange={(e) => props.onChange({ noDecisionConfirmed: e.target.checked })}
          />
          <span>{t('noDecisionConfirmed')}</span>
        </label>
        <ChoiceField name="language" label={t('minutesLanguage')} value={v.language} options={languages} optionLabel={(l) => t(`lang_${l}`)} disabled={ro} onChange={(language) => props.onChange({ language })} />
        <label className="field wide">
          <span>{t('letterhead')}</span>
          <textarea
            name="letterhead"
            rows={3}
            dir="auto"
            readOnly={ro}
            value={v.letterhead.join('\n')}
            onChange={(e) => props.onChange({ letterhead: e.target.value.split('\n').slice(0, 8) })}
          />
        </label>
      </div>
      <ParticipantsEditor value={v.participants} readOnly={ro} onChange={(participants) => props.onChange({ participants }, true)} />
      <AgendaEditor value={v.agenda} readOnly={ro} onChange={(agenda) => props.onChange({ agenda }, true)} />
      <AnnexesEditor value={v.annexes ?? []} readOnly={ro} onChange={(annexes) => props.onChange({ annexes }, true)} />
    </form>
  );
}
