// The vote of the decision form: none, unanimous, or counted; where the meeting type records
// nominal votes, counted by naming the voters (the counts are then shown, not typed).
import { chairParticipantIds, voteSides, type Meeting } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { namesVoters, votersOf, type DecisionDraft } from './decision-draft.ts';
import { VotersPicker, votersOffered } from './VotersPicker.tsx';

export interface DecisionVoteFieldsProps {
  meeting: Meeting;
  draft: DecisionDraft;
  nominalVotes: boolean;
  set<K extends keyof DecisionDraft>(key: K, value: DecisionDraft[K]): void;
  /** Prefix of the element ids (useId of the panel). */
  idPrefix: string;
}

const voteLabel = { none: 'voteNone', unanimous: 'voteUnanimous', counts: 'voteCounts' } as const;
const sideLabel = { for: 'voteFor', against: 'voteAgainst', abstain: 'voteAbstain' } as const;

export function DecisionVoteFields({ meeting, draft, nominalVotes, set, idPrefix }: DecisionVoteFieldsProps) {
  const { t } = useI18n();
  const id = (name: string) => `${idPrefix}-${name}`;
  const named = namesVoters(draft, nominalVotes);
  const counted = named ? votersOf(meeting, draft.voters) : null;
  return (
    <fieldset className="side-vote">
      <legend>{t('decisionVote')}</legend>
      {(['none', 'unanimous', 'counts'] as const).map((v) => (
        <label key={v} className="field inline">
          <input type="radio" name={id('vote')} value={v} checked={draft.vote === v} onChange={() => set('vote', v)} />
          <span>{t(voteLabel[v])}</span>
        </label>
      ))}
      {draft.vote === 'counts' && nominalVotes && (
        <label className="field inline">
          <input type="checkbox" checked={draft.named} onChange={(e) => set('named', e.target.checked)} />
          <span>{t('voteNamed')}</span>
        </label>
      )}
      {draft.vote === 'counts' && (
        <div className="side-form-row">
          {voteSides.map((k) => (
            <div key={k} className="field">
              <label htmlFor={id(k)}>{t(sideLabel[k])}</label>
              {counted ? (
                // Derived from the names below: shown, not typed.
                <input id={id(k)} type="number" readOnly aria-describedby={id('named-hint')} value={counted[k].length} />
              ) : (
                <input id={id(k)} type="number" min={0} max={100000} step={1} inputMode="numeric" value={draft[k]} onChange={(e) => set(k, e.target.value)} />
              )}
            </div>
          ))}
        </div>
      )}
      {named && (
        <>
          <p id={id('named-hint')} className="side-note">
            {t('voteNamedHint')}
          </p>
          <VotersPicker people={votersOffered(meeting.participants, draft.voters, chairParticipantIds(meeting))} value={draft.voters} onChange={(v) => set('voters', v)} idPrefix={idPrefix} />
        </>
      )}
    </fieldset>
  );
}
