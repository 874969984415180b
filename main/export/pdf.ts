// A PDF/A copy of approved minutes for the archive package, made by LibreOffice where it is
// installed. Archives keep PDF/A for the long term (fonts embedded, no external dependency); the
// DOCX stays the signed original. LibreOffice is optional: without it the package is still made
// and says that no PDF/A copy was produced.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { config } from '../config.ts';

/** PDF/A-2b (SelectPdfVersion 2), in the JSON filter-option syntax of LibreOffice 7.4 and later. */
export const PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';
const CONVERT_TIMEOUT_MS = 180_000;

export type PdfAOutcome =
  | { status: 'included'; files: string[] }
  | { status: 'noLibreOffice' }
  | { status: 'failed'; detail: string };

/**
 * The soffice to run: MAHDAR_SOFFICE when set (also to a path that does not exist, which is how
 * "not installed" is tested), else the usual install places, else `soffice` on the PATH.
 */
export function sofficeCommand(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = config.soffice(env);
  if (fromEnv) return fromEnv;
  const known =
    process.platform === 'win32'
      ? [join(env.ProgramFiles ?? 'C:\\Program Files', 'LibreOffice', 'program', 'soffice.exe')]
      : process.platform === 'darwin'
        ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
        : [];
  return known.find((p) => existsSync(p)) ?? 'soffice';
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: CONVERT_TIMEOUT_MS, windowsHide: true }, (err, _stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderrText: String(stderr) }));
      else resolve();
    });
  });
}

/** Whether a PDF declares PDF/A conformance: its XMP metadata names the part (pdfaid:part). */
export function claimsPdfA(pdf: Uint8Array): boolean {
  // LibreOffice writes the XMP packet uncompressed, as PDF/A requires of the document metadata.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return /pdfaid:part(?:>|=["'])\s*[1-4]/.test(text);
}

/**
 * Converts DOCX files to PDF/A-2b into outDir (same names, .pdf). One soffice run for all of
 * them, with its own user profile so that it never clashes with a LibreOffice the user has open.
 * Never throws: the outcome says what happened, for the package and for the user.
 */
export async function convertToPdfA(docxFiles: string[], outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<PdfAOutcome> {
  if (docxFiles.length === 0) return { status: 'failed', detail: 'no DOCX in the approved record' };
  const profile = await mkdtemp(join(tmpdir(), 'mahdar-lo-'));
  try {
    await run(sofficeCommand(env), [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      PDFA_FILTER,
      '--outdir',
      outDir,
      ...docxFiles,
    ]);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderrText?: string; killed?: boolean };
    if (e.code === 'ENOENT') return { status: 'noLibreOffice' };
    const detail = e.killed ? 'LibreOffice took too long' : (e.stderrText || e.message).trim().split('\n')[0]!.slice(0, 200);
    return { status: 'failed', detail };
  } finally {
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
  // soffice exits 0 also when it could not convert: the files themselves are the answer.
  const files: string[] = [];
  for (const docx of docxFiles) {
    const pdf = join(outDir, basename(docx).replace(/\.docx$/i, '') + '.pdf');
    const info = await stat(pdf).catch(() => null);
    if (!info?.isFile() || info.size === 0) return { status: 'failed', detail: `LibreOffice did not convert ${basename(docx)}` };
    if (!claimsPdfA(new Uint8Array(await readFile(pdf)))) return { status: 'failed', detail: `${basename(pdf)} is not marked PDF/A` };
    files.push(pdf);
  }
  return { status: 'included', files };
}
