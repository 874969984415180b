// `npm run --silent mahdar -- COMMAND ...`: the service's operations without a window.
// Each command lives in its own module; errors print one line and exit non-zero.
import { exitOnError } from '../fatal.ts';

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  transcribe: () => import('./transcribe.ts'),
  export: () => import('./export.ts'),
  bag: () => import('./bag.ts'),
};

const USAGE = `usage: mahdar <command> [options]
  transcribe AUDIO --model FILE [--language ar|auto] [--threads N] [--beam N] [--context N]
             [--flash-attention on|off] --format json|txt|srt|vtt --out FILE
  export MEETING_DIR --format docx|txt|srt|vtt|json [--language ar|fr|en] --out FILE
  bag MEETING_DIR [--revision N] --out FILE.zip|DIR`;

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    console.error(name && name !== '--help' ? `mahdar: unknown command "${name}"\n${USAGE}` : USAGE);
    process.exit(name === '--help' ? 0 : 2);
  }
  await (await load()).run(rest);
}

main(process.argv.slice(2)).catch(exitOnError);
