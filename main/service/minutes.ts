// PLACEHOLDER: owned by the minutes/export work (issue 5); replaced by the real implementation.
import type { MahdarService } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from './context.ts';

type Commands = Pick<MahdarService, 'getMinutes' | 'exportMeeting' | 'approveMeeting' | 'reopenMeeting'>;
export function minutesCommands(_ctx: ServiceContext): Commands {
  const notYet = async (): Promise<never> => {
    throw new MahdarError('internal');
  };
  return { getMinutes: notYet, exportMeeting: notYet, approveMeeting: notYet, reopenMeeting: notYet };
}
