// The names of exported files. The secretary gets a file named as she would name it, from the
// meeting's date and title ("2026-11-12 اللقاء التشاوري الجهوي.docx"); the record of an approved
// revision keeps ASCII names (revisions/r<N>/, its manifest and its archive package), fixed once written.
import type { ExportFormat } from '../../shared/api.ts';
import type { Language, Meeting } from '../../shared/domain.ts';

/** Characters of the title kept in a name: 100 Arabic letters are 200 bytes, under the 255 most file systems allow. */
const TITLE_MAX_CHARS = 100;
/** The longest name a download id may carry. */
const FILE_NAME_MAX_CHARS = 160;

/**
 * A title made safe as part of a file name on Windows, macOS and Linux: no / \ : * ? " < > |, no
 * control characters, no bidi overrides (they can show ".docx" where the name ends in ".exe"), one
 * space between words, no leading dot and no trailing dot or space.
 */
export function fileNamePart(text: string, maxChars = TITLE_MAX_CHARS): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, maxChars).join('').replace(/^[.\s]+|[.\s]+$/g, '');
}

/** A name fileNamePart leaves as it is (with its extension), so it cannot name a folder or leave one. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= FILE_NAME_MAX_CHARS && fileNamePart(name, FILE_NAME_MAX_CHARS) === name;
}

/**
 * The name of an export: date, title (the id when there is none), the language when it is not the
 * meeting's, and the revision from the second on. "2026-11-12 اللقاء التشاوري الجهوي (fr) v2.docx".
 */
export function exportFileName(meeting: Meeting, format: ExportFormat, language: Language): string {
  const stem = [
    fileNamePart(meeting.date, 10),
    fileNamePart(meeting.title) || meeting.id,
    format === 'docx' && language !== meeting.language ? `(${language})` : '',
    meeting.revision > 1 ? `v${meeting.revision}` : '',
  ];
  return `${stem.filter(Boolean).join(' ')}.${format}`;
}

/** The name of an export kept in an approved revision's record: ASCII, with the meeting id. */
export function revisionFileName(meeting: Meeting, format: ExportFormat, language: Language): string {
  return format === 'docx'
    ? `minutes-${meeting.id}-r${meeting.revision}-${language}.docx`
    : `transcript-${meeting.id}-r${meeting.revision}.${format}`;
}
