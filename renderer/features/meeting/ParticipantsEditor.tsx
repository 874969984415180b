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

export function ParticipantsEditor(props: { value: Participant[]; onChange(next: Participant[]): void; readOnly: boolean }) {
  const { t } = useI18n();
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    client.api.listPeople({}).then(setPeople).catch(() => undefined);
  }, []);

  const update = (i: number, patch: Partial<Participant>) => {
    const next = props.value.map((p, j) => (j === i ? { ...p, ...patch } : p));
    const known = patch.name !== undefined ? people.find((p) => p.name === patch.name) : undefined;
    const row = next[i];
    if (known && row && !row.title && !row.organisation) next[i] = { ...row, gender: known.gender, title: known.title, organisation: known.organisation };
    props.onChange(next);
  };
  const add = () =>
    props.onChange([...props.value, { id: newId('p'), name: '', gender: 'unknown', title: '', organisation: '', attendance: 'present', representedBy: '' }]);
  const remove = (i: number) => props.onChange(props.value.filter((_, j) => j !== i));

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
            <tr key={p.id}>
              <td>
                <select aria-label={`${t('gender')} ${i + 1}`} value={p.gender} disabled={props.readOnly} onChange={(e) => update(i, { gender: e.target.value as Participant['gender'] })}>
                  <option value="unknown">{t('gender_unknown')}</option>
                  <option value="m">{t('gender_m')}</option>
                  <option value="f">{t('gender_f')}</option>
                </select>
              </td>
              <td>
                <input aria-label={`${t('name')} ${i + 1}`} list="known-people" value={p.name} readOnly={props.readOnly} dir="auto" maxLength={300} onChange={(e) => update(i, { name: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('personTitle')} ${i + 1}`} value={p.title} readOnly={props.readOnly} dir="auto" maxLength={300} onChange={(e) => update(i, { title: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('organisation')} ${i + 1}`} value={p.organisation} readOnly={props.readOnly} dir="auto" maxLength={300} onChange={(e) => update(i, { organisation: e.target.value })} />
              </td>
              <td>
                <select
                  aria-label={`${t('attendance')} ${i + 1}`}
                  value={p.attendance ?? 'present'}
                  disabled={props.readOnly}
                  onChange={(e) => update(i, { attendance: e.target.value as Attendance })}
                >
                  {attendanceStatuses.map((a) => (
                    <option key={a} value={a}>
                      {t(attendanceKey(a, p.gender))}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`${t(representedByKey(p.gender))} ${i + 1}`}
                  value={p.representedBy ?? ''}
                  readOnly={props.readOnly || (p.attendance ?? 'present') !== 'present'}
                  dir="auto"
                  maxLength={300}
                  onChange={(e) => update(i, { representedBy: e.target.value })}
                />
              </td>
              <td>
                {!props.readOnly && (
                  <button type="button" className="subtle" onClick={() => remove(i)} aria-label={`${t('remove')}: ${p.name || i + 1}`}>
                    {t('remove')}
                  </button>
                )}
              </td>
            </tr>
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
