// Traffic light for a deadline: a coloured dot plus the text, so colour is never the only signal.
import type { ApplicationStatus } from '../../../src-shared/status.ts';
import { deadlineState } from '../logic/deadline.ts';

export function DeadlineBadge({ deadline, status, today }: { deadline: string; status: ApplicationStatus; today: string }) {
  const state = deadlineState(deadline, today, status);
  return (
    <span className={`clerk-deadline clerk-deadline--${state.level}`}>
      <span className="clerk-deadline__dot" aria-hidden="true" />
      <span>{state.date}</span>
      <span className="clerk-deadline__text">{state.text}</span>
    </span>
  );
}
