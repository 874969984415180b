// The one service implementing the contract, composed of small parts with one job each.
import { apiInputs, apiMethods, type ApiMethod, type ApiResult, type MahdarService } from '../../shared/api.ts';
import { MahdarError, toErrorPayload } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';
import { meetingCommands } from './meetings.ts';
import { settingsCommands } from './settings.ts';
import { clearUploads, uploadCommands } from '../context/uploads.ts';
import { transcriptionCommands } from './transcription.ts';
import { minutesCommands } from './minutes.ts';
import { editCommands } from './edits.ts';
import { recordingCommands, type RecordingOptions } from './recording.ts';
import { passageCommands } from './passage.ts';
import { calibrationCommands } from './calibration.ts';
import { draftingCommands, startDraftingInBackground } from './drafting.ts';
import { createParts, type ServiceParts } from './parts.ts';

/** What a caller may give the service instead of its own: its parts (tests watch them), a nearly full disk. */
export interface ServiceOptions {
  /** The jobs, calibrations and passages (parts.ts); made here when not given. */
  parts?: ServiceParts;
  recording?: Omit<RecordingOptions, 'jobs'>;
}

/**
 * The service of one context, its parts made here unless given (parts.ts). It lives as long as the
 * context, which the transports close at shutdown.
 */
export async function createService(ctx: ServiceContext, opts: ServiceOptions = {}): Promise<MahdarService> {
  await clearUploads(ctx);
  const { jobs, calibrations, passages, drafting } = opts.parts ?? createParts(ctx);
  startDraftingInBackground(ctx, drafting);
  return {
    ...meetingCommands(ctx, jobs),
    ...settingsCommands(ctx),
    ...uploadCommands(ctx),
    ...transcriptionCommands(ctx, jobs),
    ...minutesCommands(ctx, jobs),
    ...editCommands(ctx, ctx.journals),
    ...recordingCommands(ctx, { ...opts.recording, jobs }),
    ...passageCommands(passages),
    ...calibrationCommands(calibrations),
    ...draftingCommands(ctx, drafting),
  };
}

/**
 * The trust boundary: both transports call this with whatever arrived (method name and raw
 * argument). Unknown methods and invalid arguments are refused before any service code runs.
 */
export async function dispatch(service: MahdarService, method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  try {
    if (!(apiMethods as string[]).includes(method)) throw new MahdarError('request.unknownMethod', { method: method.slice(0, 60) });
    const m = method as ApiMethod;
    const parsed = apiInputs[m].safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue ? `${issue.path.join('.') || 'argument'}: ${issue.message}` : 'argument';
      throw new MahdarError('validation', { detail: detail.slice(0, 200) });
    }
    const fn = service[m] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(parsed.data) };
  } catch (err) {
    if (!(err instanceof MahdarError)) console.error(`mahdar: ${method} failed:`, err);
    return { ok: false, error: toErrorPayload(err) };
  }
}
