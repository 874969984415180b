// The form shows dates as dd/mm/yyyy and times on 24 h, as written in Morocco, whatever the UI
// language (Chromium's native date/time inputs follow the browser's locale instead). The meeting
// stores YYYY-MM-DD and HH:MM; these convert both ways. A parse answers null for text that is not
// a real date or time, so the form can say so and keep what was typed.

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-11-12' → '12/11/2026'; anything else is shown as stored. */
export function formatDayMonthYear(stored: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stored);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : stored;
}

/** '12/11/2026' (or 12-11-2026, 12.11.2026, 1/2/2026) → '2026-11-12'; '' → ''; not a real day → null. */
export function parseDayMonthYear(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Stored HH:MM is already 24 h; only seconds, if any, are dropped. */
export function formatTime24(stored: string): string {
  const m = /^(\d{2}):(\d{2})/.exec(stored);
  return m ? `${m[1]}:${m[2]}` : stored;
}

/** '14:30', '9:05', '14h30', '14.30' → 'HH:MM'; '' → ''; out of range → null. */
export function parseTime24(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const m = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/.exec(trimmed);
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
