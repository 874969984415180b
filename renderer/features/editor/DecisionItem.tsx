// One decision in the panel's list, as the minutes will print it: number, kind, text, owner,
// deadline, vote and signatories; a link back to the passage it was drawn from, edit and delete.
// Each button is described by the decision's text, so a screen reader tells them apart. The one
// the decisions walk (D) reached is marked and scrolled into view.
import { useEffect, useRef } from 'react';
import type { Decision, Meeting } from '../../../shared/domain.ts';
import { formatDeadline } from '../../../shared/minutes/dates.ts';
import { decisionDetails } from '../../../shared/minutes/decisions.ts';
import { minutesLabels } from '../../../shared/minutes/labels.ts';
import { minutesTemplates } from '../../../shared/minutes/template.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { firstPassage } from './decision-draft.ts';

export interface DecisionItemProps {
  meeting: Meeting;
  decision: Decision;
  index: number;
  /** The decisions walk reached it. */
  current: boolean;
  readOnly: boolean;
  /** Edit and delete wait while an edit is in flight or a form is open. */
  locked: boolean;
  onJump(segmentId: string): void;
  onEdit(d: Decision): void;
  onDelete(d: Decision): void;
  /** Prefix of the element ids (useId of the panel). */
  idPrefix: string;
}

export function DecisionItem({ meeting, decision: d, index, current, readOnly, locked, onJump, onEdit, onDelete, idPrefix }: DecisionItemProps) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // The least scrolling that shows it: the side panel's, then the page's if the panel is cut by the window.
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const labels = minutesLabels[lang];
  const passage = firstPassage(meeting, d);
  const textId = `${idPrefix}-text-${index}`;
  const details = decisionDetails(d, meeting.participants, labels, minutesTemplates[meeting.type]);
  return (
    <li ref={ref} className={current ? 'side-item side-current' : 'side-item'} aria-current={current || undefined}>
      <div className="side-item-head">
        <span className="side-number">{index + 1}.</span>
        <span className="side-kind">{labels.decisionKinds[d.kind]}</span>
      </div>
      <p id={textId} className="side-text" dir="auto">
        {d.text}
      </p>
      <dl className="side-facts">
        {d.owner.trim() && <Fact term={t('decisionOwner')} value={d.owner} dir="auto" />}
        {d.deadline.trim() && <Fact term={t('decisionDeadlineShort')} value={formatDeadline(d.deadline, lang)} dir="auto" />}
        {details.vote.length > 0 && <Fact term={t('decisionVote')} value={details.vote.join('\n')} lines />}
        {/* The first line of the signing is the minutes' heading, which the term already says. */}
        {details.signing.length > 0 && <Fact term={t('decisionSignatories')} value={details.signing.slice(1).join('\n')} lines />}
      </dl>
      <div className="side-actions">
        {passage && (
          <button type="button" className="link" aria-describedby={textId} onClick={() => onJump(passage)}>
            {t('goToPassage')}
          </button>
        )}
        {!readOnly && (
          <>
            <button type="button" disabled={locked} aria-describedby={textId} data-focus={`edit-${d.id}`} onClick={() => onEdit(d)}>
              {t('editItem')}
            </button>
            <button type="button" className="danger" disabled={locked} aria-describedby={textId} data-focus={`delete-${d.id}`} onClick={() => onDelete(d)}>
              {t('delete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** One term of the list; `lines` keeps the line breaks of a vote or a list of signatories. */
function Fact({ term, value, dir, lines }: { term: string; value: string; dir?: 'auto'; lines?: boolean }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd dir={dir} className={lines ? 'side-lines' : undefined}>
        {value}
      </dd>
    </div>
  );
}
