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

/**
 * An integer option within [min, max], or undefined when it was not given. `minLabel` names the
 * lowest value where it means something ("-1 (all)").
 */
export function intFlag(p: ParsedArgs, name: string, min: number, max: number, minLabel = String(min)): number | undefined {
  const v = p.flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new MahdarError('validation', { detail: `--${name} must be an integer from ${minLabel} to ${max}` });
  return n;
}
