// The screens' clock is the exports' clock in its short form: a time shows the same second in
// the editor as in the TXT, SRT and the minutes (shared/text/time.ts).
export { formatShortClock as clock } from '../../../shared/text/time.ts';
