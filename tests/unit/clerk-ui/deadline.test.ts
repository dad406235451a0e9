import { describe, expect, it } from 'vitest';
import { deadlineState } from '../../../src-renderer/clerk/logic/deadline.ts';

describe('deadlineState', () => {
  const today = '2026-03-27';

  it('marks a past deadline overdue with days', () => {
    expect(deadlineState('2026-03-25', today, 'in_progress')).toEqual({ level: 'overdue', text: 'Überfällig seit 2 Tagen', date: '25.03.2026' });
    expect(deadlineState('2026-03-26', today, 'submitted').text).toBe('Überfällig seit 1 Tag');
  });

  it('marks today to three days ahead amber', () => {
    expect(deadlineState('2026-03-27', today, 'accepted')).toMatchObject({ level: 'due_soon', text: 'Fällig heute' });
    expect(deadlineState('2026-03-28', today, 'accepted').text).toBe('Fällig morgen');
    expect(deadlineState('2026-03-30', today, 'accepted')).toMatchObject({ level: 'due_soon', text: 'Fällig in 3 Tagen' });
  });

  it('marks four days ahead green', () => {
    expect(deadlineState('2026-03-31', today, 'accepted')).toMatchObject({ level: 'on_time', text: 'Im Zeitplan' });
  });

  it('counts calendar days across the daylight saving change', () => {
    // 29 March 2026 is the switch to summer time in Europe/Berlin.
    expect(deadlineState('2026-03-30', '2026-03-28', 'accepted').text).toBe('Fällig in 2 Tagen');
  });

  it('shows closed applications as closed, never overdue', () => {
    expect(deadlineState('2020-01-01', today, 'approved')).toMatchObject({ level: 'closed', text: 'Abgeschlossen' });
    expect(deadlineState('2020-01-01', today, 'discarded').level).toBe('closed');
  });

  it('rejects a malformed deadline', () => {
    expect(() => deadlineState('27.03.2026', today, 'accepted')).toThrow(RangeError);
  });
});
