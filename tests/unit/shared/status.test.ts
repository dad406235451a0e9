import { describe, expect, it } from 'vitest';
import { allowedStatusActions, APPLICATION_STATUSES, nextStatus, STATUS_ZBP_STATE, TERMINAL_STATUSES, TRANSITIONS } from '../../../src-shared/status.ts';

describe('status transition table', () => {
  it('leads only from non-terminal statuses', () => {
    for (const [action, transition] of Object.entries(TRANSITIONS)) {
      for (const from of transition.from) expect(TERMINAL_STATUSES.has(from), `${action} from ${from}`).toBe(false);
    }
  });

  it('allows the normal path from submission to approval', () => {
    expect(nextStatus('submitted', 'accept')).toBe('accepted');
    expect(nextStatus('accepted', 'start')).toBe('in_progress');
    expect(nextStatus('in_progress', 'request_information')).toBe('action_required');
    expect(nextStatus('action_required', 'citizen_reply')).toBe('in_progress');
    expect(nextStatus('in_progress', 'approve')).toBe('approved');
  });

  it('rejects decisions on a fresh application', () => {
    expect(nextStatus('submitted', 'approve')).toBeNull();
    expect(nextStatus('approved', 'reject')).toBeNull();
    expect(allowedStatusActions('submitted')).toEqual(['accept', 'withdraw', 'discard']);
    expect(allowedStatusActions('approved')).toEqual([]);
  });

  it('maps every visible status to a ZBP state', () => {
    for (const status of APPLICATION_STATUSES) {
      if (status === 'discarded') expect(STATUS_ZBP_STATE[status]).toBeNull();
      else expect(STATUS_ZBP_STATE[status]).toMatch(/^[A-Z_]+$/);
    }
  });
});
