// The annex: the verbatim transcript with times and speakers, on a page of its own.
import { formatClock } from '../../text/time.ts';
import { clean, note, section, type MinutesContext } from '../context.ts';
import type { MinutesSection } from '../model.ts';

export function annexSection({ meeting, L, people }: MinutesContext): MinutesSection {
  const rows = [...meeting.segments]
    .filter((s) => s.text.trim() !== '')
    .sort((a, b) => a.start - b.start)
    .map((s) => [formatClock(s.start), (s.speakerId && people.get(s.speakerId)?.name.trim()) || L.unknownSpeaker, clean(s.text)]);
  const body = rows.length
    ? { kind: 'table' as const, role: 'transcript' as const, header: [...L.transcriptHeader], rows, widths: [12, 22, 66], signatureColumn: null, centered: [0] }
    : note(L.noTranscript);
  return section('annex', L.headings.annex, [body], true);
}
