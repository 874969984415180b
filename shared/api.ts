// The one contract between the UI and the backend. Both transports (Electron IPC and the
// loopback HTTP of `npm run serve`) are generated from `apiInputs`: adding a command is one
// entry here and one method in main/service. Every argument is validated in main against these
// schemas; unknown fields are refused (strictObject) and strings are bounded.
import { z } from 'zod';
import {
  editableFieldsSchema,
  idSchema,
  languages,
  LIMITS,
  meetingFieldsSchema,
  refineIntegrity,
  type Meeting,
  type MeetingSummary,
  type Person,
  type Segment,
} from './domain.ts';
import { editApiInputs, type EditApiOutputs, type EditResult } from './edits.ts';
import type { ErrorPayload } from './errors.ts';
import type { ApprovalCheck } from './minutes/approval.ts';
import type { MinutesModel } from './minutes/model.ts';
import { draftingApiInputs, type DraftingApiOutputs, type DraftingEvent } from './drafting.ts';
import { recordingApiInputs, type LiveStatusEvent, type LiveTextEvent, type RecordingApiOutputs, type RecordingEvent } from './recording.ts';

/** Largest single request body; uploads are sent in chunks below it. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/**
 * The largest file an upload or an audio import accepts: 8 GiB (about 13 hours of 48 kHz stereo
 * WAV; Whisper models are smaller). beginUpload's schema does not bound the size by it: the
 * service refuses a larger file as upload.tooLarge, which names the limit to the secretary.
 */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

const empty = z.strictObject({});
const byMeeting = z.strictObject({ meetingId: idSchema });
export const transcriptionLanguages = ['ar', 'auto', 'fr', 'en'] as const;
export const exportFormats = ['docx', 'txt', 'srt', 'vtt', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const settingsSchema = z.strictObject({
  uiLanguage: z.enum(languages),
  /** Threads for the speech engine; 0 = chosen from the machine's cores. */
  threads: z.number().int().min(0).max(64),
  modelId: z.string().max(100).nullable(),
  transcriptionLanguage: z.enum(transcriptionLanguages),
});
export type Settings = z.infer<typeof settingsSchema>;

export const apiInputs = {
  // Meetings archive
  listMeetings: z.strictObject({ query: z.string().max(LIMITS.shortText).default('') }),
  // Ids unique in their lists and references that resolve (meetingIntegrityIssues).
  createMeeting: z.strictObject({ fields: meetingFieldsSchema.partial().superRefine(refineIntegrity).default({}) }),
  getMeeting: z.strictObject({ id: idSchema }),
  /** The form's fields only: segments and decisions are refused as unknown fields. */
  updateMeeting: z.strictObject({ id: idSchema, fields: editableFieldsSchema.partial().superRefine(refineIntegrity) }),
  deleteMeeting: z.strictObject({ id: idSchema }),
  listPeople: empty,
  getSettings: empty,
  updateSettings: z.strictObject({ settings: settingsSchema.partial() }),

  // Uploads: the UI never sends a path, it sends bytes in bounded chunks and gets an id back.
  beginUpload: z.strictObject({
    name: z.string().max(255),
    size: z.number().int().min(0), // a safe integer; over MAX_UPLOAD_BYTES: upload.tooLarge
  }),
  uploadChunk: z.strictObject({
    uploadId: idSchema,
    offset: z.number().int().min(0),
    data: z.string().max(Math.ceil((UPLOAD_CHUNK_BYTES * 4) / 3) + 4), // base64
  }),

  // Audio and transcription
  importAudio: z.strictObject({ meetingId: idSchema, uploadId: idSchema }),
  listModels: empty,
  importModel: z.strictObject({ uploadId: idSchema }),
  downloadModel: z.strictObject({ modelId: z.string().max(100) }),
  /**
   * "Measure on this computer": transcribes the built-in speech sample with each installed model
   * (or these), in the background; progress comes as {type:'calibration'} events.
   */
  calibrateModels: z.strictObject({ modelIds: z.array(z.string().max(100)).max(50).optional() }),
  cancelCalibration: empty,
  getCalibration: empty,
  startTranscription: z.strictObject({
    meetingId: idSchema,
    modelId: z.string().max(100).optional(),
    language: z.enum(transcriptionLanguages).optional(),
    threads: z.number().int().min(1).max(64).optional(),
    /** Start over: the current transcript is discarded (the UI asks first). Otherwise a run resumes. */
    restart: z.boolean().optional(),
  }),
  cancelTranscription: byMeeting,
  getTranscription: byMeeting,

  // Minutes
  getMinutes: z.strictObject({ meetingId: idSchema, language: z.enum(languages).optional() }),
  exportMeeting: z.strictObject({
    meetingId: idSchema,
    format: z.enum(exportFormats),
    language: z.enum(languages).optional(),
  }),
  /** Read-only: what is still untagged or unconfirmed, shown before approving (shared/minutes/approval.ts). */
  approvalCheck: byMeeting,
  approveMeeting: byMeeting,
  reopenMeeting: byMeeting,
  /** An approved revision as a BagIt package for an archive (RFC 8493); default: the latest approved one. */
  exportBag: z.strictObject({
    meetingId: idSchema,
    revision: z.number().int().min(1).max(999_999).optional(),
    zip: z.boolean(),
  }),

  // The review editor: journaled edit commands, undo and redo (shared/edits.ts)
  ...editApiInputs,
  /**
   * Transcribe the passage fromId..toId (inclusive, in time order) again, in another language or
   * with another model; its segments are replaced in one undoable edit (answers like applyEdit).
   */
  retranscribePassage: z.strictObject({
    meetingId: idSchema,
    baseVersion: z.number().int().min(0),
    fromId: idSchema,
    toId: idSchema,
    language: z.enum(transcriptionLanguages),
    modelId: z.string().max(100).optional(),
  }),
  /** Stops a retranscribePassage in progress (it then fails with passage.cancelled). */
  cancelRetranscription: byMeeting,

  // Live recording from the page's microphone (shared/recording.ts)
  ...recordingApiInputs,

  // Summaries drafted by a language model on this computer (shared/drafting.ts)
  ...draftingApiInputs,
} as const;

export type ApiMethod = keyof typeof apiInputs;
/** The list of commands, as a runtime constant: both transports are generated from it. */
export const apiMethods = Object.keys(apiInputs) as ApiMethod[];
export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiInputs, name);
}

export interface ModelInfo {
  id: string;
  label: string;
  sizeBytes: number;
  sha256: string | null;
  installed: boolean;
  /** Where the file comes from: the official catalogue, a file the secretary imported, or a bundled test model. */
  source: 'catalogue' | 'imported' | 'local';
  download: { received: number; total: number } | null;
  /** What the app says it is for: the model recommended for Arabic minutes, or one for trying the app only. */
  use: 'arabic' | 'trial' | null;
  /**
   * Its speed on this computer, measured on the built-in sample (calibrateModels); null when not
   * measured, or measured with another file, engine, thread count or voice detection.
   */
  speed: ModelSpeed | null;
  /** The most accurate installed model that keeps up with real time here (by the measurements). */
  recommended: boolean;
}

export interface ModelSpeed {
  /** Real-time factor: seconds of computing per second of audio. */
  rtf: number;
  /** Expected seconds to transcribe one hour of audio. */
  secPerHour: number;
  threads: number;
  measuredAt: string;
}

/** The state of a "measure on this computer" run. */
export interface CalibrationStatus {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** The models to measure, in the order they run. */
  modelIds: string[];
  /** The model being measured now; null once the run has ended. */
  current: string | null;
  /** 0..100 of the current model's run. */
  percent: number;
  /** Models measured so far (their speed is in listModels). */
  measured: string[];
  /** Models that could not be measured, with why. */
  failed: { modelId: string; error: ErrorPayload }[];
  /** Why the run stopped (cancelled because the engine was needed, or failed). */
  error: ErrorPayload | null;
}

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';
export interface TranscriptionJob {
  meetingId: string;
  status: JobStatus;
  modelId: string;
  /** 0..100 */
  percent: number;
  etaSec: number | null;
  /** Seconds of audio already transcribed and saved. */
  doneSec: number;
  error: ErrorPayload | null;
  /**
   * Set when a job is done: spans of 10 s or more of the recording with no text
   * (shared/transcript/gaps.ts), e.g. the engine stopped before the end. Empty when none.
   */
  untranscribed?: { start: number; end: number }[];
  /**
   * While it runs: the engine's threads now and the most it may take (the Threads setting). Fewer
   * than the most while other programs hold cores (main/asr/free-cores.ts, thread-watch.ts): the
   * page says why the transcription is slower.
   */
  threads?: { now: number; most: number };
  /**
   * After the full pass, while the spans of speech it left without text are transcribed once more
   * on their own (main/asr/gap-pass.ts): how many of them are done.
   */
  secondLook?: { done: number; total: number };
}

export interface ExportResult {
  fileName: string;
  /** Opaque id to fetch the file through the transport (download link or save dialog). */
  downloadId: string;
  sha256: string;
}

/** Whether the package holds a PDF/A copy of the minutes, or why not. */
export type PdfAStatus = 'included' | 'noLibreOffice' | 'failed';

export interface BagExportResult {
  /** The zip's name, or the folder's name in the meeting's exports/ when zip is false. */
  fileName: string;
  /** Download id of the zip; null for a folder, which is not one file to download. */
  downloadId: string | null;
  /** sha256 of the zip; for a folder, of its tagmanifest-sha256.txt, which pins every other file. */
  sha256: string;
  revision: number;
  pdfA: PdfAStatus;
}

export interface ApiOutputs extends EditApiOutputs, RecordingApiOutputs, DraftingApiOutputs {
  listMeetings: MeetingSummary[];
  createMeeting: Meeting;
  getMeeting: Meeting;
  updateMeeting: Meeting;
  deleteMeeting: { deleted: true };
  listPeople: Person[];
  getSettings: Settings;
  updateSettings: Settings;
  beginUpload: { uploadId: string };
  uploadChunk: { received: number };
  importAudio: Meeting;
  listModels: ModelInfo[];
  importModel: ModelInfo;
  downloadModel: ModelInfo;
  calibrateModels: CalibrationStatus;
  cancelCalibration: CalibrationStatus | null;
  getCalibration: CalibrationStatus | null;
  startTranscription: TranscriptionJob;
  cancelTranscription: TranscriptionJob | null;
  getTranscription: TranscriptionJob | null;
  getMinutes: MinutesModel;
  exportMeeting: ExportResult;
  approvalCheck: ApprovalCheck;
  approveMeeting: Meeting;
  reopenMeeting: Meeting;
  retranscribePassage: EditResult;
  cancelRetranscription: { cancelled: boolean };
  exportBag: BagExportResult;
}

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
export type ApiParsed<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;

/** What the UI holds: one async function per command. */
export type MahdarApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> };
/** What main implements: the same commands, receiving validated arguments. */
export type MahdarService = { [M in ApiMethod]: (input: ApiParsed<M>) => Promise<ApiOutputs[M]> };

/** Events pushed from main to the UI; their schemas, which both sides check, are in shared/events.ts. */
export type ApiEvent =
  | { type: 'meeting'; meetingId: string }
  | { type: 'job'; job: TranscriptionJob }
  /** A segment a transcription saved; sent again, same id, when the run's word confidences are added to it. */
  | { type: 'segment'; meetingId: string; segment: Segment }
  | { type: 'model'; model: ModelInfo }
  | { type: 'calibration'; calibration: CalibrationStatus }
  | RecordingEvent
  | LiveTextEvent
  | LiveStatusEvent
  | DraftingEvent;

export type Unsubscribe = () => void;
export interface MahdarClient {
  api: MahdarApi;
  onEvent(listener: (event: ApiEvent) => void): Unsubscribe;
  /** Where to fetch an exported file; in Electron a save dialog is shown instead. */
  download(downloadId: string): Promise<void>;
}

/** Result envelope on the wire, the same over IPC and HTTP. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
