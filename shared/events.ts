// The events of the contract, as schemas: main pushes them to the page (progress, saved
// segments, recording state, live text). Both transports forward them through one checker
// (main/service/events.ts), and the page checks what arrives before any view sees it
// (renderer/api/events.ts). The TypeScript types stay where they are documented (shared/api.ts,
// shared/recording.ts); the checks at the end of this file fail to compile when a schema and its
// type differ, so the two cannot drift. Objects are not strict: a field the type does not name
// is dropped, never a reason to drop the event.
import { z } from 'zod';
import { idSchema, storedSegmentSchema } from './domain.ts';
import { isErrorCode, type ErrorCode, type ErrorPayload } from './errors.ts';
import type { ApiEvent, CalibrationStatus, ModelInfo, TranscriptionJob } from './api.ts';
import type { DraftingEvent, DraftingJob } from './drafting.ts';
import type { LiveStatusEvent, LiveTextEvent, RecordingEvent, RecordingState, RecoveredRecording } from './recording.ts';

const errorPayloadSchema = z.object({
  code: z.custom<ErrorCode>(isErrorCode, 'unknown error code'),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const transcriptionJobSchema = z.object({
  meetingId: idSchema,
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  modelId: z.string(),
  percent: z.number(),
  etaSec: z.number().nullable(),
  doneSec: z.number(),
  error: errorPayloadSchema.nullable(),
  untranscribed: z.array(z.object({ start: z.number(), end: z.number() })).optional(),
  threads: z.object({ now: z.number().int().positive(), most: z.number().int().positive() }).optional(),
  secondLook: z.object({ done: z.number().int().nonnegative(), total: z.number().int().positive() }).optional(),
});

/** A segment as stored (an old one may end before it starts), without the strictness of the archive's schema. */
const segmentSchema = z.object(storedSegmentSchema.shape);

const modelInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  sizeBytes: z.number(),
  sha256: z.string().nullable(),
  installed: z.boolean(),
  source: z.enum(['catalogue', 'imported', 'local']),
  download: z.object({ received: z.number(), total: z.number() }).nullable(),
  use: z.enum(['arabic', 'trial']).nullable(),
  speed: z.object({ rtf: z.number(), secPerHour: z.number(), threads: z.number(), measuredAt: z.string() }).nullable(),
  recommended: z.boolean(),
});

const calibrationStatusSchema = z.object({
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  modelIds: z.array(z.string()),
  current: z.string().nullable(),
  percent: z.number(),
  measured: z.array(z.string()),
  failed: z.array(z.object({ modelId: z.string(), error: errorPayloadSchema })),
  error: errorPayloadSchema.nullable(),
});

const recordingStateSchema = z.object({
  meetingId: idSchema,
  recordingId: idSchema,
  state: z.enum(['recording', 'paused', 'stopped']),
  durationSec: z.number(),
  offsetSec: z.number(),
  nextSeq: z.number(),
  freeDiskMinutes: z.number(),
  followed: z.object({ endSec: z.number(), inTranscript: z.boolean() }).nullable(),
});

const recoveredRecordingSchema = z.object({
  recordingId: idSchema,
  durationSec: z.number(),
  attached: z.boolean(),
  file: z.string(),
});

const meetingEventSchema = z.object({ type: z.literal('meeting'), meetingId: idSchema });
const jobEventSchema = z.object({ type: z.literal('job'), job: transcriptionJobSchema });
const segmentEventSchema = z.object({ type: z.literal('segment'), meetingId: idSchema, segment: segmentSchema });
const modelEventSchema = z.object({ type: z.literal('model'), model: modelInfoSchema });
const calibrationEventSchema = z.object({ type: z.literal('calibration'), calibration: calibrationStatusSchema });
const recordingEventSchema = z.object({
  type: z.literal('recording'),
  meetingId: idSchema,
  recording: recordingStateSchema.nullable(),
  recovered: recoveredRecordingSchema.optional(),
});
const liveTextEventSchema = z.object({
  type: z.literal('liveText'),
  meetingId: idSchema,
  recordingId: idSchema,
  committed: z.string(),
  tentative: z.string(),
  atSec: z.number(),
  skippedSec: z.number().optional(),
  final: z.boolean().optional(),
});
const liveStatusEventSchema = z.object({
  type: z.literal('liveStatus'),
  meetingId: idSchema,
  recordingId: idSchema,
  state: z.enum(['starting', 'running', 'stopped', 'failed', 'unavailable', 'off']),
  error: errorPayloadSchema.optional(),
});

const draftingJobSchema = z.object({
  meetingId: idSchema,
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  source: z.discriminatedUnion('kind', [z.object({ kind: z.literal('model'), modelId: z.string() }), z.object({ kind: z.literal('endpoint') })]),
  modelName: z.string(),
  total: z.number(),
  done: z.number(),
  skipped: z.number(),
  current: z.string().nullable(),
  error: errorPayloadSchema.nullable(),
});
const draftingEventSchema = z.object({ type: z.literal('drafting'), job: draftingJobSchema });

/** Every event main may push, one schema per `type`. */
export const apiEventSchema = z.discriminatedUnion('type', [
  meetingEventSchema,
  jobEventSchema,
  segmentEventSchema,
  modelEventSchema,
  calibrationEventSchema,
  recordingEventSchema,
  liveTextEventSchema,
  liveStatusEventSchema,
  draftingEventSchema,
]);

/**
 * Reads events against the contract: the event as its schema reads it, or null for one that
 * does not match, which is reported through `report` once per event type (a broken stream would
 * otherwise repeat the same line for every event).
 */
export function eventChecker(report: (message: string) => void): (raw: unknown) => ApiEvent | null {
  const reported = new Set<string>();
  return (raw) => {
    const parsed = apiEventSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type).slice(0, 40) : '(none)';
    if (!reported.has(type)) {
      reported.add(type);
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'event';
      report(`mahdar: an event of type ${type} does not match the contract and was dropped (${where})`);
    }
    return null;
  };
}

// Compile-time only: each schema reads exactly its documented type. A field added, removed or
// changed on one side and not the other fails `npm run typecheck` here.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Same<A extends true> = A;
export type SchemasMatchTheirTypes = [
  Same<Equal<z.infer<typeof errorPayloadSchema>, ErrorPayload>>,
  Same<Equal<z.infer<typeof transcriptionJobSchema>, TranscriptionJob>>,
  Same<Equal<z.infer<typeof modelInfoSchema>, ModelInfo>>,
  Same<Equal<z.infer<typeof calibrationStatusSchema>, CalibrationStatus>>,
  Same<Equal<z.infer<typeof recordingStateSchema>, RecordingState>>,
  Same<Equal<z.infer<typeof recoveredRecordingSchema>, RecoveredRecording>>,
  Same<Equal<z.infer<typeof recordingEventSchema>, RecordingEvent>>,
  Same<Equal<z.infer<typeof liveTextEventSchema>, LiveTextEvent>>,
  Same<Equal<z.infer<typeof liveStatusEventSchema>, LiveStatusEvent>>,
  Same<Equal<z.infer<typeof draftingJobSchema>, DraftingJob>>,
  Same<Equal<z.infer<typeof draftingEventSchema>, DraftingEvent>>,
  Same<Equal<z.infer<typeof apiEventSchema>, ApiEvent>>,
];
