// `mahdar export MEETING_DIR --format docx|txt|srt|vtt|json [--language ar|fr|en] --out FILE`
// Exports a meeting folder (its meeting.json, and logo.png if any) without the app. Reads the
// folder only; the output is written atomically. Errors are thrown as MahdarError: the dispatcher
// prints one line and exits non-zero.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportFormats, type ExportFormat } from '../../shared/api.ts';
import { languages, type Language } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import { readMeetingWithJournal } from '../archive/journal.ts';
import { renderExport } from '../export/render.ts';
import { parseArgs, requireFlag } from './args.ts';

export async function run(args: string[]): Promise<void> {
  const parsed = parseArgs(args, ['format', 'language', 'out']);
  if (parsed.positional.length !== 1) throw new MahdarError('validation', { detail: 'usage: export MEETING_DIR --format FORMAT --out FILE' });
  const dir = resolve(parsed.positional[0]!);
  const format = requireFlag(parsed, 'format');
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new MahdarError('validation', { detail: `--format must be one of ${exportFormats.join(', ')}` });
  }
  const language = parsed.flags.get('language');
  if (language !== undefined && !(languages as readonly string[]).includes(language)) {
    throw new MahdarError('validation', { detail: `--language must be one of ${languages.join(', ')}` });
  }
  const out = resolve(requireFlag(parsed, 'out'));

  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new MahdarError('validation', { detail: `${parsed.positional[0]} is not a meeting folder` });
  const meeting = await readMeetingWithJournal(dir).catch((err: unknown) => {
    if (err instanceof MahdarError && err.code === 'meeting.notFound') {
      throw new MahdarError('validation', { detail: `${parsed.positional[0]} has no meeting.json` });
    }
    throw err;
  });
  const rendered = await renderExport(meeting, format as ExportFormat, (language as Language | undefined) ?? meeting.language, dir);
  await writeFileAtomic(out, rendered.bytes).catch((err: unknown) => {
    if (err instanceof MahdarError) throw err;
    throw new MahdarError('export.failed', { detail: `cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}` });
  });
  process.stdout.write(`${out}\t${rendered.sha256}\n`);
}
