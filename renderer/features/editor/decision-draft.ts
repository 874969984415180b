// What the decision form holds while the secretary types, and the edit it becomes once saved.
// No React here: the rules of the form (a nominal vote's counts are taken from its names, an
// agreement's signatories must each name someone) are read in one place, apart from its layout.
import { voteSides, type Decision, type Meeting, type Signatory, type Vote, type Voters } from '../../../shared/domain.ts';
import type { EditInput } from '../../../shared/edits.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { SignatoryDraft } from './SignatoriesEditor.tsx';
import type { VoterChoices } from './VotersPicker.tsx';

export type VoteChoice = 'none' | 'unanimous' | 'counts';

export interface DecisionDraft {
  /** null: a new decision from the selection. */
  id: string | null;
  kind: Decision['kind'];
  text: string;
  owner: string;
  deadline: string;
  vote: VoteChoice;
  for: string;
  against: string;
  abstain: string;
  /** A nominal vote: the counts are those of `voters`. */
  named: boolean;
  voters: VoterChoices;
  /** Agreements only. */
  signatories: SignatoryDraft[];
  /** Editing only: cite the selected passages instead of the ones it cites now. */
  relink: boolean;
}

/** The most passages one decision cites (the contract's limit). */
const MAX_CITED = 1000;

/** The choices of a nominal vote, per participant. */
function choicesOf(voters: Voters | undefined): VoterChoices {
  const out: Record<string, (typeof voteSides)[number]> = {};
  if (voters) for (const side of voteSides) for (const id of voters[side]) out[id] = side;
  return out;
}

/** The names of a nominal vote, in the order of the participants (as the minutes print them). */
export function votersOf(meeting: Meeting, choices: VoterChoices): Voters {
  const voters: Voters = { for: [], against: [], abstain: [] };
  for (const p of meeting.participants) {
    const side = choices[p.id];
    if (side) voters[side].push(p.id);
  }
  return voters;
}

/** The selected passages' text, in time order, as the first wording of the decision. */
function selectedText(meeting: Meeting, selection: readonly string[]): string {
  const chosen = new Set(selection);
  return meeting.segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => chosen.has(s.id))
    .sort((a, b) => a.s.start - b.s.start || a.i - b.i)
    .map(({ s }) => s.text.trim())
    .filter(Boolean)
    .join(' ');
}

/** The form for a new decision drawn from the selection; a council names its voters, so the form starts that way there. */
export function newDraft(meeting: Meeting, selection: readonly string[], nominalVotes: boolean): DecisionDraft {
  return {
    id: null,
    kind: 'decision',
    text: selectedText(meeting, selection),
    owner: '',
    deadline: '',
    vote: 'none',
    for: '',
    against: '',
    abstain: '',
    named: nominalVotes,
    voters: {},
    signatories: [],
    relink: false,
  };
}

/** The form for a decision as recorded; a vote not recorded yet starts named where the meeting type names voters. */
export function draftOf(d: Decision, nominalVotes: boolean): DecisionDraft {
  const counts = d.vote?.kind === 'counts' ? d.vote : null;
  return {
    id: d.id,
    kind: d.kind,
    text: d.text,
    owner: d.owner,
    deadline: d.deadline,
    vote: d.vote ? d.vote.kind : 'none',
    for: counts ? String(counts.for) : '',
    against: counts ? String(counts.against) : '',
    abstain: counts ? String(counts.abstain) : '',
    named: counts ? !!counts.voters : nominalVotes,
    voters: choicesOf(counts?.voters),
    signatories: (d.signatories ?? []).map((s) => ({ participantId: s.participantId, capacity: s.capacity ?? '' })),
    relink: false,
  };
}

/** Whether the draft's counts come from names (a counted vote, where the meeting type names voters and the form asks for names). */
export function namesVoters(draft: DecisionDraft, nominalVotes: boolean): boolean {
  return draft.vote === 'counts' && nominalVotes && draft.named;
}

/** A count as typed: empty is 0; anything but a whole number from 0 is refused (null). */
function count(s: string): number | null {
  const t = s.trim();
  if (t === '') return 0;
  if (!/^\d{1,6}$/.test(t)) return null;
  return Number(t);
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: MessageKey };

/** The vote as the draft gives it; names given, the counts are derived from them, never typed beside them. */
function voteOf(draft: DecisionDraft, meeting: Meeting, nominalVotes: boolean): Checked<Vote | null> {
  if (draft.vote === 'none') return { ok: true, value: null };
  if (draft.vote === 'unanimous') return { ok: true, value: { kind: 'unanimous' } };
  if (namesVoters(draft, nominalVotes)) {
    const voters = votersOf(meeting, draft.voters);
    if (!voters.for.length && !voters.against.length && !voters.abstain.length) return { ok: false, error: 'votersNone' };
    return { ok: true, value: { kind: 'counts', for: voters.for.length, against: voters.against.length, abstain: voters.abstain.length, voters } };
  }
  const [f, a, ab] = [count(draft.for), count(draft.against), count(draft.abstain)];
  if (f === null || a === null || ab === null) return { ok: false, error: 'voteCountsInvalid' };
  return { ok: true, value: { kind: 'counts', for: f, against: a, abstain: ab } };
}

/** An agreement's signatories, each naming someone; none for any other kind. */
function signatoriesOf(draft: DecisionDraft): Checked<Signatory[]> {
  if (draft.kind !== 'agreement') return { ok: true, value: [] };
  if (draft.signatories.some((s) => !s.participantId)) return { ok: false, error: 'signatoryNone' };
  const value = draft.signatories.map((s) => (s.capacity.trim() ? { participantId: s.participantId, capacity: s.capacity.trim() } : { participantId: s.participantId }));
  return { ok: true, value };
}

/** The edit that saves the draft (create or update), or the message that says why it cannot be saved. */
export function editOfDraft(draft: DecisionDraft, meeting: Meeting, selection: readonly string[], nominalVotes: boolean): Checked<EditInput> {
  const text = draft.text.trim();
  if (!text) return { ok: false, error: 'decisionTextEmpty' };
  const vote = voteOf(draft, meeting, nominalVotes);
  if (!vote.ok) return vote;
  const signatories = signatoriesOf(draft);
  if (!signatories.ok) return signatories;
  const before = draft.id === null ? undefined : meeting.decisions.find((d) => d.id === draft.id);
  // Signatories are sent when there are some, or to clear those of a decision that had some
  // (an agreement turned into another kind): a decision that never had any keeps no field.
  const fields = {
    kind: draft.kind,
    text,
    owner: draft.owner.trim(),
    deadline: draft.deadline.trim(),
    vote: vote.value,
    ...(signatories.value.length || before?.signatories?.length ? { signatories: signatories.value } : {}),
  };
  const segmentIds = selection.slice(0, MAX_CITED);
  if (draft.id === null) return { ok: true, value: { type: 'createDecision', decision: { ...fields, segmentIds } } };
  const changes = draft.relink && selection.length ? { ...fields, segmentIds } : fields;
  return { ok: true, value: { type: 'updateDecision', decisionId: draft.id, changes } };
}

/** The first passage a decision cites, in time order: where "go to passage" leads. */
export function firstPassage(meeting: Meeting, d: Decision): string | null {
  const cited = new Set(d.segmentIds);
  let best: { id: string; start: number } | null = null;
  for (const s of meeting.segments) if (cited.has(s.id) && (!best || s.start < best.start)) best = { id: s.id, start: s.start };
  return best?.id ?? null;
}

/** A decision's text in the delete dialog and the decisions walk's status line, cut after 120 characters. */
export const decisionExcerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
