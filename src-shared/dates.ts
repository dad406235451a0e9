// Calendar dates in Europe/Berlin. Deadlines and follow-ups are whole days as the authority counts
// them, so they are computed on dates, never by adding 24-hour periods to an instant, which would
// be off by one across a daylight saving change.

const BERLIN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Returns the Europe/Berlin calendar date (YYYY-MM-DD) of an instant. */
export function berlinDate(instant: Date | string | number): string {
  return BERLIN_DATE.format(new Date(instant));
}

/** Adds whole calendar days to a YYYY-MM-DD date; negative values go back. */
export function addCalendarDays(isoDate: string, days: number): string {
  const [year, month, day] = parseIsoDate(isoDate);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return shifted.toISOString().slice(0, 10);
}

/** Counts calendar days from `from` to `to`; positive when `to` is later. */
export function calendarDaysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseIsoDate(from);
  const [y2, m2, d2] = parseIsoDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Formats YYYY-MM-DD as the German DD.MM.YYYY. */
export function formatDateDe(isoDate: string): string {
  const [year, month, day] = parseIsoDate(isoDate);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** Formats an instant as German date and time in Europe/Berlin, e.g. 04.12.2026, 14:05. */
export function formatDateTimeDe(instant: Date | string | number): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

function parseIsoDate(isoDate: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Invalid date ${JSON.stringify(isoDate)}; expected YYYY-MM-DD`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
