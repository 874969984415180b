// The configuration main/ takes from the environment: its MAHDAR_* variables, each listed in the
// README's table ("Configuration"), are read here. Each value is read when asked, not when this
// module loads: the command line, the tests and the Electron bundle (MAHDAR_APP_ROOT) set some
// of them after start. An empty variable counts as not set. MAHDAR_ENGINE_PRIORITY is no
// setting: asr/engine.ts hands it to its own watchdog process.
import { delimiter, resolve } from 'node:path';

type Env = NodeJS.ProcessEnv;

/** The variable's value; undefined when it is not set or empty. */
const read = (env: Env, name: string): string | undefined => env[name] || undefined;
const path = (env: Env, name: string): string | null => {
  const v = read(env, name);
  return v ? resolve(v) : null;
};

export const config = {
  /** MAHDAR_APP_ROOT: the repository or packaged app root; set by the Electron bundle (dist/main/). */
  appRoot: (env: Env = process.env) => path(env, 'MAHDAR_APP_ROOT'),
  /** MAHDAR_DATA_DIR: the data root instead of the platform's user data folder. */
  dataDir: (env: Env = process.env) => path(env, 'MAHDAR_DATA_DIR'),
  /** MAHDAR_MODEL_DIRS: read-only folders of Whisper models (a path list). */
  modelDirs: (env: Env = process.env): string[] => (read(env, 'MAHDAR_MODEL_DIRS') ?? '').split(delimiter).filter(Boolean),
  /** MAHDAR_MODEL_BASE_URL: where catalogue models are downloaded from instead of the catalogue's site. */
  modelBaseUrl: (env: Env = process.env) => read(env, 'MAHDAR_MODEL_BASE_URL') ?? null,
  /** MAHDAR_WHISPER_CLI: the whisper-cli to run instead of the one built or packaged. */
  whisperCli: (env: Env = process.env) => path(env, 'MAHDAR_WHISPER_CLI'),
  /** MAHDAR_WHISPER_SERVER: the whisper-server of the live text instead of the one beside whisper-cli. */
  whisperServer: (env: Env = process.env) => path(env, 'MAHDAR_WHISPER_SERVER'),
  /** MAHDAR_FFMPEG: the audio decoder; `ffmpeg` on the PATH by default. */
  ffmpeg: (env: Env = process.env) => read(env, 'MAHDAR_FFMPEG') ?? 'ffmpeg',
  /** MAHDAR_FFPROBE: the audio prober; `ffprobe` on the PATH by default. */
  ffprobe: (env: Env = process.env) => read(env, 'MAHDAR_FFPROBE') ?? 'ffprobe',
  /** MAHDAR_SOFFICE: LibreOffice's soffice for PDF/A, taken as is (a missing path means "not installed"). */
  soffice: (env: Env = process.env) => read(env, 'MAHDAR_SOFFICE') ?? null,
  /** MAHDAR_VAD=0: no voice activity detection, in the full pass and the live text alike. */
  vad: (env: Env = process.env) => read(env, 'MAHDAR_VAD') !== '0',
  /** MAHDAR_LIVE=0: no live text while recording (the recording goes on). */
  live: (env: Env = process.env) => read(env, 'MAHDAR_LIVE') !== '0',
  /** MAHDAR_PORT: serve mode's port; 0 (any free port) by default. */
  port: (env: Env = process.env) => Number(read(env, 'MAHDAR_PORT') ?? 0) || 0,
  /** MAHDAR_TOKEN: serve mode's token for one run, never stored. */
  token: (env: Env = process.env) => read(env, 'MAHDAR_TOKEN'),
};
