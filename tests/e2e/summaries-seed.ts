// A meeting for the editor's summaries view: interventions (runs of passages of one speaker under
// an agenda point), some with a language model's draft summary, and a quiet WAV, written into a
// serve process's data root as another tool would (the API gives clients no draftSummary: drafts
// come from the drafting job). Shared by tests/e2e/summaries.spec.ts and bench/summaries-review.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { passagesFingerprint } from '../../shared/summaries/fingerprint.ts';
import type { ServeProcess } from './serve.ts';

export interface SeedIntervention {
  speakerId: string;
  agendaItemId?: string;
  /** Its passages' texts, one segment each. */
  texts: string[];
  /** A model's draft of its summary; none: no summary. */
  draft?: string;
}

export interface SummariesPlan {
  participants: { id: string; name: string; gender: string; title: string; organisation: string }[];
  agenda: { id: string; title: string }[];
  interventions: SeedIntervention[];
  /** Seconds per segment. */
  segSec?: number;
  /** The draft summaries' model name. */
  model?: string;
}

/** Writes the meeting; returns its id. Segments are s-1, s-2… in order; the draft of intervention k is m-draft-k. */
export async function seedSummariesMeeting(server: ServeProcess, plan: SummariesPlan): Promise<string> {
  const res = await fetch(`${server.origin}/api/createMeeting`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, connection: 'close' },
    body: JSON.stringify({ fields: { title: 'الدورة العادية لمجلس الجماعة' } }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { id: string }; error?: unknown };
  if (!body.ok || !body.value) throw new Error(`createMeeting failed: ${JSON.stringify(body.error)}`);
  const id = body.value.id;
  const dir = join(server.dataDir, 'meetings', id);
  const segSec = plan.segSec ?? 2;
  const segments: Record<string, unknown>[] = [];
  const summaries: Record<string, unknown>[] = [];
  plan.interventions.forEach((iv, k) => {
    const own = iv.texts.map((text) => {
      const i = segments.length;
      const seg = { id: `s-${i + 1}`, start: i * segSec, end: (i + 1) * segSec, text, speakerId: iv.speakerId, tags: [], edited: false, ...(iv.agendaItemId ? { agendaItemId: iv.agendaItemId } : {}) };
      segments.push(seg);
      return seg;
    });
    if (iv.draft === undefined) return;
    summaries.push({
      id: `m-draft-${k + 1}`,
      kind: 'intervention',
      segmentIds: own.map((s) => s.id),
      text: iv.draft,
      state: 'draft',
      source: 'model',
      model: plan.model ?? 'tiny.gguf',
      basis: passagesFingerprint(own),
    });
  });
  const duration = segments.length * segSec;
  // 4 kHz, 8 bit: a small file; the tests only need positions in it.
  execFileSync('sox', ['-n', '-r', '4000', '-b', '8', '-c', '1', join(dir, 'audio.wav'), 'synth', String(duration), 'sine', '300', 'vol', '0.05']);
  const m = JSON.parse(readFileSync(join(dir, 'meeting.json'), 'utf8'));
  Object.assign(m, { audio: { file: 'audio.wav', durationSec: duration, originalName: 'session.wav' }, participants: plan.participants, agenda: plan.agenda, segments, summaries });
  writeFileSync(join(dir, 'meeting.json'), JSON.stringify(m, null, 2));
  return id;
}
