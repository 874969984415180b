// Which body the minutes print: summaries or the verbatim transcript.
import type { Meeting, MinutesStyle } from '../domain.ts';

/**
 * The meeting's choice, or by default summary minutes for consultations and council sessions (a
 * محضر summarises each intervention) and verbatim for the other types.
 */
export function minutesStyleOf(m: Pick<Meeting, 'minutesStyle' | 'type'>): MinutesStyle {
  return m.minutesStyle ?? (m.type === 'consultation' || m.type === 'council' ? 'summary' : 'verbatim');
}
