// How a command-line entry (`mahdar …`, `npm run serve`) ends on an error nothing else handled:
// one line on stderr (a known error in the user's words, in English like the rest of the command
// line; anything else by its message), then exit status 1.
import { errorText, isErrorCode, MahdarError } from '../shared/errors.ts';

export function exitOnError(err: unknown): never {
  const line =
    err instanceof MahdarError && isErrorCode(err.code)
      ? errorText({ code: err.code, params: err.params }, 'en')
      : err instanceof Error
        ? err.message
        : String(err);
  console.error(`mahdar: ${line.split('\n')[0]}`);
  process.exit(1);
}
