// Traffic light for the processing deadline (Frist). Colour is never the only signal: every state
// carries a German text that the list and the detail view show next to the colour.
import { calendarDaysBetween, formatDateDe } from '../../../src-shared/dates.ts';
import { TERMINAL_STATUSES, type ApplicationStatus } from '../../../src-shared/status.ts';

/** Days before the deadline from which an open application counts as due soon (amber). */
export const DUE_SOON_DAYS = 3;

export type DeadlineLevel = 'overdue' | 'due_soon' | 'on_time' | 'closed';

export interface DeadlineState {
  level: DeadlineLevel;
  /** Short German text shown with the colour, e.g. "Überfällig seit 2 Tagen". */
  text: string;
  /** The deadline as DD.MM.YYYY. */
  date: string;
}

/** Classifies a deadline (YYYY-MM-DD) against today's Europe/Berlin date. */
export function deadlineState(deadline: string, today: string, status: ApplicationStatus): DeadlineState {
  const date = formatDateDe(deadline);
  if (TERMINAL_STATUSES.has(status)) return { level: 'closed', text: 'Abgeschlossen', date };

  const daysLeft = calendarDaysBetween(today, deadline);
  if (daysLeft < 0) {
    const daysOver = -daysLeft;
    return { level: 'overdue', text: daysOver === 1 ? 'Überfällig seit 1 Tag' : `Überfällig seit ${daysOver} Tagen`, date };
  }
  if (daysLeft === 0) return { level: 'due_soon', text: 'Fällig heute', date };
  if (daysLeft <= DUE_SOON_DAYS) {
    return { level: 'due_soon', text: daysLeft === 1 ? 'Fällig morgen' : `Fällig in ${daysLeft} Tagen`, date };
  }
  return { level: 'on_time', text: 'Im Zeitplan', date };
}
