// The meeting form: what the minutes' heading, opening paragraph and attendance are made of.
import { chairFields, chairParticipantIds } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChairsEditor } from './ChairsEditor.tsx';
import { MinutesFields, SessionFields } from './DetailsFields.tsx';
import type { FormFields } from './formFields.ts';
import { ParticipantsEditor } from './ParticipantsEditor.tsx';
import { agendaList, annexList } from './titleLists.ts';
import { TitleListEditor } from './TitleListEditor.tsx';

/** List changes (chairs, participants, agenda, annexes) are undoable; typing in a field is the browser's to undo. */
export function MeetingForm(props: { value: FormFields; onChange(patch: Partial<FormFields>, undoable?: boolean): void; readOnly: boolean }) {
  const { t } = useI18n();
  const { value: v, readOnly: ro } = props;
  const fields = { value: v, readOnly: ro, onChange: props.onChange };
  return (
    <form className="meeting-form" onSubmit={(e) => e.preventDefault()} aria-label={t('details')}>
      <div className="grid">
        <SessionFields {...fields} />
        <MinutesFields {...fields} />
      </div>
      <ChairsEditor value={v} participants={v.participants} readOnly={ro} onChange={(chairs) => props.onChange(chairFields(chairs), true)} />
      <ParticipantsEditor value={v.participants} chairing={chairParticipantIds(v)} readOnly={ro} onChange={(participants) => props.onChange({ participants }, true)} />
      <TitleListEditor list={agendaList} value={v.agenda} readOnly={ro} onChange={(agenda) => props.onChange({ agenda }, true)} />
      <TitleListEditor list={annexList} value={v.annexes ?? []} readOnly={ro} onChange={(annexes) => props.onChange({ annexes }, true)} />
    </form>
  );
}
