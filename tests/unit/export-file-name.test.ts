// Exported files are named from the meeting's date and title, safe on every file system, and a
// download id carries only such a plain name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { exportFileName, fileNamePart, isPlainFileName } from '../../main/export/file-name.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const named = (fields: Partial<Meeting>, format: 'docx' | 'srt' = 'docx', language = sample.language) =>
  exportFileName({ ...sample, ...fields }, format, language);

describe('exportFileName', () => {
  it('names the file from the date and the title, not the id', () => {
    expect(named({ title: 'اللقاء التشاوري الجهوي' })).toBe('2026-11-12 اللقاء التشاوري الجهوي.docx');
    expect(named({ title: 'اللقاء التشاوري الجهوي' }, 'srt')).toBe('2026-11-12 اللقاء التشاوري الجهوي.srt');
  });

  it('tells apart the other languages and the later revisions', () => {
    expect(named({ title: 'Session' }, 'docx', 'fr')).toBe('2026-11-12 Session (fr).docx');
    expect(named({ title: 'Session', revision: 3 })).toBe('2026-11-12 Session v3.docx');
  });

  it('takes the id when there is no title, and leaves out a missing date', () => {
    expect(named({ title: '  ' })).toBe(`2026-11-12 ${sample.id}.docx`);
    expect(named({ title: 'Session', date: '' })).toBe('Session.docx');
  });

  it('strips what a file system refuses or a reader could be misled by', () => {
    expect(named({ title: ' محضر: 12/2026 "لجنة" <المالية> | * ? \\ ' })).toBe('2026-11-12 محضر 12 2026 لجنة المالية.docx');
    expect(named({ title: 'a\u0000b\nc\u202excod.exe' })).toBe('2026-11-12 a b c xcod.exe.docx');
    expect(named({ title: '..' })).toBe(`2026-11-12 ${sample.id}.docx`);
  });

  it('bounds a long title so the name stays under 255 bytes', () => {
    const name = named({ title: 'م'.repeat(400), revision: 12 }, 'docx', 'fr');
    expect([...fileNamePart('م'.repeat(400))]).toHaveLength(100);
    expect(Buffer.byteLength(name)).toBeLessThan(255);
    expect(isPlainFileName(name)).toBe(true);
  });
});

describe('isPlainFileName', () => {
  it('takes the names exports are given and refuses paths and hidden or odd names', () => {
    expect(isPlainFileName(named({}))).toBe(true);
    expect(isPlainFileName(`minutes-${sample.id}-r1-ar.docx`)).toBe(true);
    for (const bad of ['', '.', '..', '.hidden', 'a/b.txt', 'a\\b.txt', 'a\u0000.txt', ' a.txt', 'a  b.txt', 'x'.repeat(200)]) {
      expect(isPlainFileName(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
