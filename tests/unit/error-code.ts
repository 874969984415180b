// The error code a promise rejects with ('resolved' when it does not), for asserting which clear
// error a user would see.
import { MahdarError } from '../../shared/errors.ts';

export async function errorCodeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof MahdarError ? err.code : String(err);
  }
}
