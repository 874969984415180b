// Export time for a three-hour meeting: 2,500 segments, 20 participants, 30 decisions, generated
// here. Reports the minutes model, the DOCX, and the transcript formats, each as a median of
// several runs, and as a ratio to JSON.stringify of the same meeting (a reference run in the same
// process, so the numbers compare across machines).
import { performance } from 'node:perf_hooks';
import { MEETING_SCHEMA_VERSION, meetingSchema, type Meeting } from '../shared/domain.ts';
import { buildMinutes } from '../shared/minutes/build.ts';
import { renderDocx } from '../main/export/docx.ts';
import { formatTranscript } from '../main/export/transcript.ts';
import type { BenchReport } from './index.ts';

const SEGMENTS = 2500;
const PARTICIPANTS = 20;
const DECISIONS = 30;
const DURATION_SEC = 3 * 3600;
const RUNS = 5;

const words = (
  'تمت رقمنة الخدمات العمومية في الجهة ونقترح تعزيز المواكبة وتكوين الموظفين وربط الجماعات القروية بالألياف البصرية ' +
  'مع احترام الآجال المحددة في القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية وتحسين جودة الاستقبال'
).split(' ');

/** A deterministic pseudo-random sequence, so every run measures the same meeting. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateMeeting(): Meeting {
  const rand = rng(42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const participants = Array.from({ length: PARTICIPANTS }, (_, i) => ({
    id: `p-${String(i + 1).padStart(3, '0')}`,
    name: i === 7 ? 'Jean Dupont' : `${pick(['محمد', 'فاطمة', 'يوسف', 'خديجة', 'عبد الرحيم', 'سعاد'])} ${pick(['العلمي', 'بناني', 'التازي', 'الإدريسي', 'الوزاني'])} ${i + 1}`,
    gender: pick(['m', 'f', 'unknown'] as const),
    title: pick(['رئيس قسم', 'مديرة جهوية', 'ممثل المجلس', 'خبير']),
    organisation: pick(['ولاية الجهة', 'وكالة التنمية الرقمية', 'مجلس الجهة']),
  }));
  const step = DURATION_SEC / SEGMENTS;
  let speaker = participants[0]!.id;
  const segments = Array.from({ length: SEGMENTS }, (_, i) => {
    if (rand() < 0.3) speaker = pick(participants).id;
    const n = 12 + Math.floor(rand() * 20);
    return {
      id: `s-${String(i + 1).padStart(5, '0')}`,
      start: Math.round(i * step * 100) / 100,
      end: Math.round((i + 1) * step * 100) / 100 - 0.2,
      text: Array.from({ length: n }, () => pick(words)).join(' ') + '.',
      speakerId: rand() < 0.05 ? null : speaker,
      tags: [],
      edited: rand() < 0.1,
    };
  });
  const decisions = Array.from({ length: DECISIONS }, (_, i) => ({
    id: `d-${String(i + 1).padStart(3, '0')}`,
    kind: pick(['decision', 'recommendation', 'agreement', 'action'] as const),
    text: Array.from({ length: 25 }, () => pick(words)).join(' ') + '.',
    segmentIds: [segments[i * 80]!.id],
    owner: pick(participants).organisation,
    deadline: `2027-0${1 + (i % 9)}-15`,
  }));
  return meetingSchema.parse({
    schemaVersion: MEETING_SCHEMA_VERSION,
    id: 'm-bench-three-hours',
    title: 'اللقاء التشاوري الجهوي حول رقمنة الخدمات العمومية',
    type: 'consultation',
    date: '2026-11-12',
    startTime: '09:00',
    endTime: '12:00',
    place: 'مقر ولاية الجهة',
    chair: participants[0]!.name,
    secretary: participants[1]!.name,
    reference: '2026/099',
    letterhead: ['المملكة المغربية', 'وزارة الداخلية', 'ولاية جهة الرباط سلا القنيطرة'],
    language: 'ar',
    participants,
    agenda: Array.from({ length: 6 }, (_, i) => ({ id: `a-${i + 1}`, title: `النقطة ${i + 1}: ${pick(words)} ${pick(words)}` })),
    segments,
    decisions,
    status: 'draft',
    revision: 1,
    createdAt: '2026-11-12T08:00:00.000Z',
    updatedAt: '2026-11-12T13:00:00.000Z',
    audio: null,
  });
}

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function run(): Promise<BenchReport> {
  const meeting = generateMeeting();
  const model = buildMinutes(meeting, 'ar');
  let docxBytes = 0;

  const reference = await median(() => JSON.stringify(meeting));
  const rows: { step: string; ms: number }[] = [
    { step: 'JSON.stringify(meeting) (reference)', ms: reference },
    { step: 'buildMinutes (model, ar)', ms: await median(() => buildMinutes(meeting, 'ar')) },
    {
      step: 'renderDocx (model → DOCX)',
      ms: await median(async () => {
        docxBytes = (await renderDocx(model)).length;
      }),
    },
    { step: 'DOCX total (build + render)', ms: await median(async () => renderDocx(buildMinutes(meeting, 'ar'))) },
    { step: 'TXT transcript', ms: await median(() => formatTranscript('txt', meeting.segments, meeting.participants)) },
    { step: 'SRT transcript', ms: await median(() => formatTranscript('srt', meeting.segments, meeting.participants)) },
    { step: 'VTT transcript', ms: await median(() => formatTranscript('vtt', meeting.segments, meeting.participants)) },
    { step: 'JSON transcript', ms: await median(() => formatTranscript('json', meeting.segments, meeting.participants)) },
  ];

  const table = [
    `Three-hour meeting: ${SEGMENTS} segments, ${PARTICIPANTS} participants, ${DECISIONS} decisions; DOCX ${(docxBytes / 1024).toFixed(0)} KiB. Median of ${RUNS} runs after a warm-up.`,
    '',
    '| step | ms | × JSON.stringify |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.step} | ${r.ms.toFixed(1)} | ${(r.ms / reference).toFixed(1)} |`),
  ].join('\n');

  return {
    name: 'export',
    table,
    data: { segments: SEGMENTS, participants: PARTICIPANTS, decisions: DECISIONS, runs: RUNS, docxBytes, rows },
  };
}
