// whisper.cpp's own account of a run: the lines whisper_print_timings writes to stderr at the end
// (load, then each part's total and count). "Measure on this computer" reads its encoder windows
// from them (calibration/meeting-windows.ts); the model-shapes bench, every part.

/** whisper_print_timings' lines: each part's total ms and count (batchd and prompt count tokens). */
export interface EngineTimings {
  loadMs: number;
  parts: Record<'sample' | 'encode' | 'decode' | 'batchd' | 'prompt', { ms: number; runs: number }>;
  fallbacks: number;
}

/** Reads whisper_print_timings from an engine's stderr; null when the run printed none (it failed, or was stopped). */
export function readTimings(stderr: string): EngineTimings | null {
  const load = /load time =\s*([\d.]+) ms/.exec(stderr);
  if (!load) return null;
  const part = (name: string) => {
    const m = new RegExp(`${name} time =\\s*([\\d.]+) ms /\\s*(\\d+) runs`).exec(stderr);
    return { ms: m ? Number(m[1]) : 0, runs: m ? Number(m[2]) : 0 };
  };
  const fb = /fallbacks =\s*(\d+) p \/\s*(\d+) h/.exec(stderr);
  return {
    loadMs: Number(load[1]),
    parts: { sample: part('sample'), encode: part('encode'), decode: part('decode'), batchd: part('batchd'), prompt: part('prompt') },
    fallbacks: fb ? Number(fb[1]) + Number(fb[2]) : 0,
  };
}
