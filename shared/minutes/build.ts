// The minutes of a meeting, as a model both the DOCX writer and the preview render. Pure: the
// same meeting and language always give the same model (no clock, no disk, no locale of the
// machine). All wording comes from labels.ts, all dates from dates.ts; each section is built in
// sections/, in the order printed here.
import type { Language, Meeting } from '../domain.ts';
import { formatClock } from '../text/time.ts';
import { minutesContext } from './context.ts';
import type { MinutesImage, MinutesModel } from './model.ts';
import { documentProperties } from './properties.ts';
import { annexSection } from './sections/annex.ts';
import { attendanceSection } from './sections/attendance.ts';
import { closingSection, signaturesSection } from './sections/closing.ts';
import { decisionsSection } from './sections/decisions.ts';
import { headerSection, openingSection } from './sections/header.ts';
import { agendaSection, proceedingsSection } from './sections/proceedings.ts';
import { summaryProceedingsSection, verbatimAnnexSection } from './sections/summaries.ts';
import { minutesStyleOf } from '../summaries/style.ts';

export { groupInterventions } from '../summaries/interventions.ts';

export interface BuildOptions {
  /** The institution's logo, printed beside the letterhead lines. */
  logo?: MinutesImage | null;
}

/** "01:02:05" from seconds: the same clock as the TXT and SRT exports. */
export const clock = formatClock;

export function buildMinutes(meeting: Meeting, language: Language = meeting.language, options: BuildOptions = {}): MinutesModel {
  const c = minutesContext(meeting, language);
  // Summary minutes print the summaries in the body and the interventions word for word in the annex.
  const summary = minutesStyleOf(meeting) === 'summary';
  const annex = summary ? 'verbatimAnnex' : 'annex';
  // The closing lists the transcript annex among the annexes, when there is a transcript to annex.
  const carried = meeting.segments.some((s) => s.text.trim() !== '') ? c.L.annexTitles[annex] : null;
  return {
    language,
    direction: c.L.direction,
    pageLabel: c.L.pageLabel,
    draftMark: meeting.status === 'approved' ? null : c.L.draftMark,
    properties: documentProperties(c),
    sections: [
      headerSection(c, options.logo ?? null),
      openingSection(c),
      attendanceSection(c),
      agendaSection(c),
      summary ? summaryProceedingsSection(c) : proceedingsSection(c),
      decisionsSection(c),
      closingSection(c, carried),
      signaturesSection(c),
      summary ? verbatimAnnexSection(c) : annexSection(c),
    ],
  };
}
