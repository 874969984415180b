// Participants: name, honorific, title, organisation; people from earlier meetings are offered
// as the secretary types a name, and picking one fills in their title and organisation. A row's
// attendance words agree with the person's honorific (Présente, حاضرة for a woman).
import { useEffect, useState } from 'react';
import { attendanceStatuses, newId, type Participant, type Person } from '../../../shared/domain.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

type Attendance = NonNullable<Participant['attendance']>;

/** The message for a person's attendance, in their gender: the masculine form is the plain key. */
export function attendanceKey(status: Attendance, gender: Participant['gender']): MessageKey {
  return gender === 'm' ? `attendance_${status}` : `attendance_${status}_${gender}`;
}

/** "Représenté par" in the person's gender. */
export function representedByKey(gender: Participant['gender']): MessageKey {
  return gender === 'm' ? 'representedBy' : `representedBy_${gender}`;
}

/** People from earlier meetings, offered as the secretary types a name. */
function useKnownPeople(): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    client.api.listPeople({}).then(setPeople).catch(() => undefined);
  }, []);
  return people;
}

/** The rows with row i patched; a name picked from earlier meetings brings that person's gender, title and organisation into a row that has none yet. */
function patchRow(rows: Participant[], i: number, patch: Partial<Participant>, people: Person[]): Participant[] {
  const next = rows.map((p, j) => (j === i ? { ...p, ...patch } : p));
  const known = patch.name !== undefined ? people.find((p) => p.name === patch.name) : undefined;
  const row = next[i];
  if (known && row && !row.title && !row.organisation) next[i] = { ...row, gender: known.gender, title: known.title, organisation: known.organisation };
  return next;
}

interface RowProps {
  p: Participant;
  /** The row's number from 1, in its controls' accessible names. */
  n: number;
  /** They chair the meeting: present, whatever was marked (shared/domain/chairs.ts). */
  chairs: boolean;
  readOnly: boolean;
  onPatch(patch: Partial<Participant>): void;
  onRemove(): void;
}

function ParticipantRow({ p, n, chairs, readOnly, onPatch, onRemove }: RowProps) {
  const { t } = useI18n();
  const text = (field: 'name' | 'title' | 'organisation', label: MessageKey) => (
    <td>
      <input
        aria-label={`${t(label)} ${n}`}
        list={field === 'name' ? 'known-people' : undefined}
        value={p[field]}
        readOnly={readOnly}
        dir="auto"
        maxLength={300}
        onChange={(e) => onPatch({ [field]: e.target.value })}
      />
    </td>
  );
  return (
    <tr>
      <td>
        <select aria-label={`${t('gender')} ${n}`} value={p.gender} disabled={readOnly} onChange={(e) => onPatch({ gender: e.target.value as Participant['gender'] })}>
          <option value="unknown">{t('gender_unknown')}</option>
          <option value="m">{t('gender_m')}</option>
          <option value="f">{t('gender_f')}</option>
        </select>
      </td>
      {text('name', 'name')}
      {text('title', 'personTitle')}
      {text('organisation', 'organisation')}
      <td>
        <select
          aria-label={`${t('attendance')} ${n}`}
          aria-describedby={chairs ? `chair-present-${p.id}` : undefined}
          value={chairs ? 'present' : (p.attendance ?? 'present')}
          disabled={readOnly || chairs}
          onChange={(e) => onPatch({ attendance: e.target.value as Attendance })}
        >
          {attendanceStatuses.map((a) => (
            <option key={a} value={a}>
              {t(attendanceKey(a, p.gender))}
            </option>
          ))}
        </select>
        {chairs && (
          <small id={`chair-present-${p.id}`}>
            {t('attendance_chairHint')}
          </small>
        )}
      </td>
      <td>
        <input
          aria-label={`${t(representedByKey(p.gender))} ${n}`}
          value={p.representedBy ?? ''}
          readOnly={readOnly || (p.attendance ?? 'present') !== 'present'}
          dir="auto"
          maxLength={300}
          onChange={(e) => onPatch({ representedBy: e.target.value })}
        />
      </td>
      <td>
        {!readOnly && (
          <button type="button" className="subtle" onClick={onRemove} aria-label={`${t('remove')}: ${p.name || n}`}>
            {t('remove')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** `chairing`: the participants who chair (shared/domain/chairs.ts, chairParticipantIds). */
export function ParticipantsEditor(props: { value: Participant[]; chairing: ReadonlySet<string>; onChange(next: Participant[]): void; readOnly: boolean }) {
  const { t } = useI18n();
  const people = useKnownPeople();
  const add = () =>
    props.onChange([...props.value, { id: newId('p'), name: '', gender: 'unknown', title: '', organisation: '', attendance: 'present', representedBy: '' }]);

  return (
    <fieldset className="participants">
      <legend>{t('participants')}</legend>
      <datalist id="known-people">
        {people.map((p) => (
          <option key={p.name} value={p.name}>
            {[p.title, p.organisation].filter(Boolean).join(' — ')}
          </option>
        ))}
      </datalist>
      <table className="edit-table">
        <thead>
          <tr>
            <th scope="col">{t('gender')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('personTitle')}</th>
            <th scope="col">{t('organisation')}</th>
            <th scope="col">{t('attendance')}</th>
            <th scope="col">{t(representedByKey('unknown'))}</th>
            <th scope="col">
              <span className="visually-hidden">{t('remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.value.map((p, i) => (
            <ParticipantRow
              key={p.id}
              p={p}
              n={i + 1}
              chairs={props.chairing.has(p.id)}
              readOnly={props.readOnly}
              onPatch={(patch) => props.onChange(patchRow(props.value, i, patch, people))}
              onRemove={() => props.onChange(props.value.filter((_, j) => j !== i))}
            />
          ))}
        </tbody>
      </table>
      {!props.readOnly && (
        <button type="button" onClick={add}>
          {t('addParticipant')}
        </button>
      )}
    </fieldset>
  );
}
