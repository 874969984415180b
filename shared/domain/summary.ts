// A summary of the minutes (محضر): what a speaker put forward in one intervention, what a point's
// discussion came to, or the meeting's opening and closing paragraphs. Not to be confused with
// MeetingSummary (a meeting as the library lists it).
import { z } from 'zod';
import { idSchema, LIMITS, longText, shortText } from './fields.ts';

/**
 * intervention: one speaker's run of passages under one agenda point (shared/summaries/interventions.ts);
 * point: the discussion of one agenda point («ملخص المناقشة»); opening / closing: the meeting's first
 * and last paragraphs, tied to no passage.
 */
export const summaryKinds = ['intervention', 'point', 'opening', 'closing'] as const;
export type SummaryKind = (typeof summaryKinds)[number];

/**
 * draft: written by a language model and not yet accepted; checked: written or accepted by the
 * secretary. Whether the passages changed since is not stored: it is derived (summaryStatus).
 */
export const summaryStates = ['draft', 'checked'] as const;

export const summarySchema = z.strictObject({
  id: idSchema,
  kind: z.enum(summaryKinds),
  /**
   * The passages it summarises, in time order: an intervention's or a point's at the time it was
   * written or accepted. Split, merge and re-transcription carry these ids over to the segments
   * that take their place; ids of passages that no longer exist are kept and ignored.
   */
  segmentIds: z.array(idSchema).max(LIMITS.segments),
  /** point: the agenda item (null: the passages given no point). Absent for the other kinds. */
  agendaItemId: idSchema.nullable().optional(),
  text: longText,
  state: z.enum(summaryStates),
  /** Who wrote the text as it stands. */
  source: z.enum(['model', 'secretary']),
  /** The language model that drafted it (its file or server model name), shown with the draft. */
  model: shortText.optional(),
  /**
   * A fingerprint of its passages (text, speaker, point) when it was written or accepted
   * (shared/summaries/fingerprint.ts): when they differ now, the summary is "to check".
   */
  basis: z.string().max(64),
});
export type Summary = z.infer<typeof summarySchema>;

export const minutesStyles = ['summary', 'verbatim'] as const;
export type MinutesStyle = (typeof minutesStyles)[number];
