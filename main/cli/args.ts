// Minimal option parsing shared by the CLI commands: one positional, then --flag value pairs.
import { MahdarError } from '../../shared/errors.ts';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
}

export function parseArgs(args: string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (!known.includes(name)) throw new MahdarError('validation', { detail: `unknown option --${name}` });
      const value = args[++i];
      if (value === undefined) throw new MahdarError('validation', { detail: `--${name} needs a value` });
      flags.set(name, value);
    } else positional.push(a);
  }
  return { positional, flags };
}

export function requireFlag(p: ParsedArgs, name: string): string {
  const v = p.flags.get(name);
  if (!v) throw new MahdarError('validation', { detail: `--${name} is required` });
  return v;
}
