// A nominal vote in the decisions panel: for each participant present, how they voted (for,
// against, abstaining, or not at all). The counts of the vote are taken from these names, so the
// minutes cannot print a count and a list of names that disagree.
import type { Participant, VoteSide } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

/** Participant id → how they voted; someone absent from the map did not vote. */
export type VoterChoices = Readonly<Record<string, VoteSide>>;

export interface VotersPickerProps {
  /** Everyone who may be picked: the participants present, and anyone already picked. */
  people: readonly Participant[];
  value: VoterChoices;
  onChange(next: VoterChoices): void;
  /** Prefix of the element ids (useId of the form). */
  idPrefix: string;
}

/** Who may vote: the named participants present (a chair is, shared/domain/chairs.ts), and those already picked (to be able to unpick them). */
export function votersOffered(participants: readonly Participant[], chosen: VoterChoices, chairing: ReadonlySet<string> = new Set()): Participant[] {
  return participants.filter((p) => p.name.trim() && ((p.attendance ?? 'present') === 'present' || chairing.has(p.id) || chosen[p.id]));
}

export function VotersPicker({ people, value, onChange, idPrefix }: VotersPickerProps) {
  const { t } = useI18n();
  const set = (id: string, side: VoteSide | '') => {
    const next = { ...value };
    if (side) next[id] = side;
    else delete next[id];
    onChange(next);
  };
  const rest = people.filter((p) => !value[p.id]);
  return (
    <div className="side-voters">
      <ul className="side-voters-list">
        {people.map((p) => (
          <li key={p.id}>
            <label htmlFor={`${idPrefix}-voter-${p.id}`} dir="auto">
              {p.name}
            </label>
            <select
              id={`${idPrefix}-voter-${p.id}`}
              aria-label={t('voteOf', { name: p.name.trim() })}
              value={value[p.id] ?? ''}
              onChange={(e) => set(p.id, e.target.value as VoteSide | '')}
            >
              <option value="">{t('voterChoice_none')}</option>
              <option value="for">{t('voterChoice_for')}</option>
              <option value="against">{t('voterChoice_against')}</option>
              <option value="abstain">{t('voterChoice_abstain')}</option>
            </select>
          </li>
        ))}
      </ul>
      {rest.length > 0 && (
        <button type="button" className="subtle" onClick={() => onChange({ ...value, ...Object.fromEntries(rest.map((p) => [p.id, 'for' as const])) })}>
          {t('votersRestFor')}
        </button>
      )}
    </div>
  );
}
