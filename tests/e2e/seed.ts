// A three-hour-sized meeting for the review editor: 2,500 segments with a quiet WAV, written into
// a serve process's data root as another tool would. Shared by tests/e2e/editor.spec.ts and the
// editor benchmark (bench/editor.ts), so that both measure the same meeting.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServeProcess } from './serve.ts';

export const SEGMENTS = 2500;
export const SEG_SEC = 0.4;
export const people = [
  { id: 'p-1', name: 'أحمد بنعلي', gender: 'm', title: 'رئيس المجلس', organisation: '' },
  { id: 'p-2', name: 'فاطمة الزهراء العلوي', gender: 'f', title: 'نائبة الرئيس', organisation: '' },
  { id: 'p-3', name: 'يوسف الإدريسي', gender: 'm', title: 'مستشار', organisation: '' },
];
export const agenda = [
  { id: 'a-1', title: 'المصادقة على محضر الدورة السابقة' },
  { id: 'a-2', title: 'دراسة مشروع ميزانية سنة 2026' },
];
const phrases = [
  'نرحب بالسادة الأعضاء في هذه الدورة العادية للمجلس',
  'تمت مناقشة النقطة المتعلقة بتأهيل الطرق القروية',
  'يقترح السيد الرئيس تشكيل لجنة لتتبع المشاريع',
  'طالب بعض المستشارين بتوضيحات حول الاعتمادات المرصودة',
  'أكدت الإدارة أن الأشغال ستنطلق خلال الأشهر المقبلة',
];
/** Segment n (1-based): its text, with the fixtures the tests look for. */
export function textOf(n: number): string {
  if (n === 2) return 'الكلمة الأولى ثم الكلمة الثانية';
  if (n === SEGMENTS) return `نهاية الجلسة رقم ${n}`;
  // A misheard name, written as the engine would; once with diacritics, found only by the Arabic-aware search.
  if (n === 40) return 'تدخل السيد بِنْسعيد حول الميزانية';
  if (n % 500 === 7) return `أشار السيد بنسعيد إلى ضرورة الإسراع (${n})`;
  return `${phrases[n % phrases.length]} (${n})`;
}

/** A meeting of 2,500 segments (0.4 s each, 16 min 40 s) with a quiet WAV; returns its id. */
export async function seedLongMeeting(server: ServeProcess): Promise<string> {
  // A fresh connection: a kept-alive one may be closed by the server's idle timeout as it is reused.
  const res = await fetch(`${server.origin}/api/createMeeting`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, connection: 'close' },
    body: JSON.stringify({ fields: { title: 'الدورة العادية لمجلس الجماعة' } }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { id: string }; error?: unknown };
  if (!body.ok || !body.value) throw new Error(`createMeeting failed: ${JSON.stringify(body.error)}`);
  const id = body.value.id;
  const dir = join(server.dataDir, 'meetings', id);
  const duration = SEGMENTS * SEG_SEC;
  // 4 kHz, 8 bit: 4 kB a second keeps the file small; the tests only need positions in it.
  execFileSync('sox', ['-n', '-r', '4000', '-b', '8', '-c', '1', join(dir, 'audio.wav'), 'synth', String(duration), 'sine', '300', 'vol', '0.05']);
  const m = JSON.parse(readFileSync(join(dir, 'meeting.json'), 'utf8'));
  m.audio = { file: 'audio.wav', durationSec: duration, originalName: 'session.wav' };
  m.participants = people;
  m.agenda = agenda;
  m.segments = Array.from({ length: SEGMENTS }, (_, i) => ({
    id: `s-${i + 1}`,
    start: Math.round(i * SEG_SEC * 1000) / 1000,
    end: Math.round((i + 1) * SEG_SEC * 1000) / 1000,
    text: textOf(i + 1),
    speakerId: null,
    tags: [],
    edited: false,
  }));
  writeFileSync(join(dir, 'meeting.json'), JSON.stringify(m, null, 2));
  return id;
}
