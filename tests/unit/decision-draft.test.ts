// The decision form's rules, apart from its layout: what a draft becomes once saved, and why it
// is refused (renderer/features/editor/decision-draft.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { segmentsBetween } from '../../shared/transcript/passage.ts';
import { draftOf, editOfDraft, newDraft } from '../../renderer/features/editor/decision-draft.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const council: Meeting = { ...sample, type: 'council' };

describe('a decision drawn from the selection', () => {
  it('starts with the selected passages in time order, and cites them', () => {
    const draft = newDraft(sample, ['s-0002', 's-0001'], false);
    const [first, second] = [sample.segments[0]!.text.trim(), sample.segments[1]!.text.trim()];
    expect(draft.text).toBe(`${first} ${second}`);
    const edit = editOfDraft(draft, sample, ['s-0002', 's-0001'], false);
    expect(edit).toEqual({
      ok: true,
      value: { type: 'createDecision', decision: { kind: 'decision', text: draft.text, owner: '', deadline: '', vote: null, segmentIds: ['s-0002', 's-0001'] } },
    });
  });

  it('is refused without text, with a count that is not a whole number, or with a signatory not chosen', () => {
    const draft = newDraft(sample, [], false);
    expect(editOfDraft({ ...draft, text: '  ' }, sample, [], false)).toEqual({ ok: false, error: 'decisionTextEmpty' });
    expect(editOfDraft({ ...draft, text: 'x', vote: 'counts', for: '1.5' }, sample, [], false)).toEqual({ ok: false, error: 'voteCountsInvalid' });
    const agreement = { ...draft, text: 'x', kind: 'agreement' as const, signatories: [{ participantId: '', capacity: '' }] };
    expect(editOfDraft(agreement, sample, [], false)).toEqual({ ok: false, error: 'signatoryNone' });
  });
});

describe('a nominal vote (a council)', () => {
  it('takes its counts from the names, in the order of the participants', () => {
    const draft = { ...newDraft(council, [], true), text: 'x', vote: 'counts' as const, for: '40', voters: { 'p-tazi': 'for', 'p-alami': 'for', 'p-dupont': 'against' } as const };
    const edit = editOfDraft(draft, council, [], true);
    expect(edit.ok && edit.value.type === 'createDecision' && edit.value.decision.vote).toEqual({
      kind: 'counts',
      for: 2,
      against: 1,
      abstain: 0,
      voters: { for: ['p-alami', 'p-tazi'], against: ['p-dupont'], abstain: [] },
    });
    expect(editOfDraft({ ...draft, voters: {} }, council, [], true)).toEqual({ ok: false, error: 'votersNone' });
  });

  it('keeps typed counts where the secretary does not name the voters', () => {
    const draft = { ...newDraft(council, [], true), text: 'x', vote: 'counts' as const, named: false, for: '12', against: '', abstain: '2' };
    const edit = editOfDraft(draft, council, [], true);
    expect(edit.ok && edit.value.type === 'createDecision' && edit.value.decision.vote).toEqual({ kind: 'counts', for: 12, against: 0, abstain: 2 });
  });
});

describe('an edited decision', () => {
  const agreement = { ...sample.decisions[0]!, kind: 'agreement' as const, signatories: [{ participantId: 'p-alami' }] };
  const meeting: Meeting = { ...sample, decisions: [agreement, ...sample.decisions.slice(1)] };

  it('clears the signatories of an agreement turned into another kind, and cites the selection only when asked', () => {
    const draft = { ...draftOf(agreement, false), kind: 'decision' as const };
    const edit = editOfDraft(draft, meeting, ['s-0003'], false);
    expect(edit.ok && edit.value).toEqual({
      type: 'updateDecision',
      decisionId: agreement.id,
      changes: { kind: 'decision', text: agreement.text, owner: agreement.owner, deadline: agreement.deadline, vote: null, signatories: [] },
    });
    const relinked = editOfDraft({ ...draft, relink: true }, meeting, ['s-0003'], false);
    expect(relinked.ok && relinked.value.type === 'updateDecision' && relinked.value.changes.segmentIds).toEqual(['s-0003']);
  });
});

describe('a passage named by its ends', () => {
  it('holds the segments between them in time order, either way round', () => {
    const ids = (from: string, to: string) => segmentsBetween(sample.segments, from, to)?.map((s) => s.id);
    expect(ids('s-0002', 's-0004')).toEqual(['s-0002', 's-0003', 's-0004']);
    expect(ids('s-0004', 's-0002')).toEqual(['s-0002', 's-0003', 's-0004']);
    expect(ids('s-0002', 'nope')).toBeUndefined();
  });
});
