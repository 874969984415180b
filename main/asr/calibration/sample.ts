// The built-in speech sample that "Measure on this computer" transcribes: 29 s of real read
// Arabic (assets/calibration/, see SOURCE.md there), shipped with the app.
//
// Why 29 s: whisper.cpp encodes audio in 30 s windows, so a sample that fits one window costs
// about one encoder pass plus the decoding of 29 s of speech, as each window of a long recording
// does. Where the engine still runs a second window on it (beam 5 does with base), calibrate.ts
// counts the sample's windows at a meeting's rate (meeting-windows.ts).
import { stat } from 'node:fs/promises';
import { MahdarError } from '../../../shared/errors.ts';
import { hashFile } from '../../archive/file-hash.ts';
import { isMono16kPcm16, readWavInfo } from '../../audio/wav.ts';
import { bundledAsset } from '../../paths.ts';

export const SAMPLE_ASSET = 'calibration/sample.wav';

export interface Sample {
  path: string;
  durationSec: number;
  /** sha256 of the file: a measure of another sample (another app version) is not reused. */
  sha256: string;
}

let cached: { key: string; sample: Sample } | null = null;

/** The sample, found beside the app (calibration.sampleMissing when not). */
export async function calibrationSample(): Promise<Sample> {
  const path = bundledAsset(SAMPLE_ASSET);
  const st = path ? await stat(path).catch(() => null) : null;
  if (!path || !st?.isFile()) throw new MahdarError('calibration.sampleMissing');
  const key = `${path}:${st.size}:${st.mtimeMs}`;
  if (cached?.key === key) return cached.sample;
  const info = await readWavInfo(path).catch(() => null);
  if (!info || !isMono16kPcm16(info) || info.durationSec < 1) {
    throw new MahdarError('calibration.sampleMissing');
  }
  const sample = { path, durationSec: info.durationSec, sha256: await hashFile(path) };
  cached = { key, sample };
  return sample;
}
