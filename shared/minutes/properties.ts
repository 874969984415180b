// The document's properties (title, subject, keywords, description, status): what the DOCX
// writes into docProps and an archive reads without opening the text.
import { gregorianDate } from './dates.ts';
import type { MinutesContext } from './context.ts';
import type { MinutesModel } from './model.ts';

export function documentProperties({ meeting, language, L, name, present }: MinutesContext): MinutesModel['properties'] {
  const dateText = meeting.date ? gregorianDate(meeting.date, language) : '';
  const subtitle = L.documentSubtitle(meeting.title.trim() || name.title);
  const keywords = [...L.keywords, L.meetingType[meeting.type].definite, meeting.place.trim(), dateText, meeting.reference.trim()]
    .map((k) => k.trim())
    .filter((k, i, all) => k !== '' && all.indexOf(k) === i);
  return {
    title: L.documentTitle(name.title) + (subtitle ? ` — ${subtitle}` : ''),
    subject: meeting.title.trim() || name.title,
    author: meeting.secretary.trim(),
    keywords,
    description: L.description({
      name: name.title,
      date: dateText,
      place: meeting.place.trim(),
      attendees: present.length,
      decisions: meeting.decisions.length,
      revision: meeting.revision,
    }),
    status: meeting.status,
    statusLabel: L.status[meeting.status],
    meetingId: meeting.id,
    revision: meeting.revision,
    created: meeting.createdAt,
    modified: meeting.updatedAt,
    languageTag: L.languageTag,
  };
}
