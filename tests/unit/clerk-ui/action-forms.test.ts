import { describe, expect, it } from 'vitest';
import type { ClerkUser } from '../../../src-shared/api.ts';
import { actionDetails, assignableUsers, availableActions, buildAction } from '../../../src-renderer/clerk/logic/action-forms.ts';

const clerk: ClerkUser = { id: 'user-sn-krueger', username: 'a.krueger', displayName: 'Anja Krüger', authorityId: 'schwerin', role: 'clerk' };
const colleague: ClerkUser = { id: 'user-sn-oezdemir', username: 'b.oezdemir', displayName: 'Baran Özdemir', authorityId: 'schwerin', role: 'clerk' };
const lead: ClerkUser = { id: 'user-sn-weiss', username: 'c.weiss', displayName: 'Claudia Weiß', authorityId: 'schwerin', role: 'team_lead' };
const elsewhere: ClerkUser = { id: 'user-lwl-mueller', username: 'h.mueller', displayName: 'Heike Müller', authorityId: 'ludwigslust', role: 'clerk' };

describe('availableActions', () => {
  it('offers accept but not approve for a new application', () => {
    const actions = availableActions('submitted');
    expect(actions).toContain('accept');
    expect(actions).toContain('discard');
    expect(actions).not.toContain('approve');
    expect(actions).toEqual(expect.arrayContaining(['assign', 'set_follow_up', 'forward', 'add_note']));
  });

  it('offers decisions once accepted', () => {
    expect(availableActions('accepted')).toEqual(expect.arrayContaining(['approve', 'reject', 'request_information']));
  });

  it('offers only a note on a closed application', () => {
    expect(availableActions('approved')).toEqual(['add_note']);
  });
});

describe('assignableUsers', () => {
  it('lets a clerk assign only to themselves', () => {
    expect(assignableUsers(clerk, [clerk, colleague, lead]).map((user) => user.id)).toEqual([clerk.id]);
  });

  it('lets a team lead assign to anyone of the authority', () => {
    expect(assignableUsers(lead, [clerk, colleague, lead, elsewhere]).map((user) => user.id)).toEqual([clerk.id, colleague.id, lead.id]);
  });

  it('offers the clerk even when the user list is not loaded', () => {
    expect(assignableUsers(clerk, [])).toEqual([clerk]);
  });
});

describe('buildAction', () => {
  it('requires reasons for a rejection and names each missing field', () => {
    const result = buildAction('reject', { decision: ' ' }, 4);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.decision).toBe('Bitte füllen Sie „Bescheid“ aus.');
    expect(result.errors.reasons).toBe('Bitte füllen Sie „Begründung der Ablehnung“ aus.');
  });

  it('builds a rejection with trimmed texts and the expected version', () => {
    expect(buildAction('reject', { decision: ' Abgelehnt. ', reasons: 'Kein Wohnsitz in Schwerin.' }, 4)).toEqual({
      ok: true,
      action: { action: 'reject', decision: 'Abgelehnt.', reasons: 'Kein Wohnsitz in Schwerin.', expectedVersion: 4 },
    });
  });

  it('requires a message for a Rückfrage', () => {
    expect(buildAction('request_information', {}, 2)).toMatchObject({ ok: false, errors: { message: expect.stringContaining('Nachricht') } });
  });

  it('requires target authority and reason for forwarding', () => {
    const result = buildAction('forward', { reason: 'Zuständig ist der Landkreis.' }, 1);
    expect(result).toMatchObject({ ok: false, errors: { targetAuthorityId: 'Bitte füllen Sie „Zuständige Behörde“ aus.' } });
  });

  it('requires an internal reason for discarding', () => {
    expect(buildAction('discard', { internalReason: '' }, 1).ok).toBe(false);
    expect(buildAction('discard', { internalReason: 'Dublette von SN-2026-000001' }, 1)).toMatchObject({ ok: true, action: { internalReason: 'Dublette von SN-2026-000001' } });
  });

  it('leaves an empty optional note out of an acceptance', () => {
    expect(buildAction('accept', { note: '  ' }, 1)).toEqual({ ok: true, action: { action: 'accept', expectedVersion: 1 } });
  });

  it('clears assignee and follow-up when empty', () => {
    expect(buildAction('assign', { assigneeId: '' }, 3)).toMatchObject({ ok: true, action: { assigneeId: null } });
    expect(buildAction('set_follow_up', { date: '' }, 3)).toMatchObject({ ok: true, action: { date: null } });
  });

  it('rejects a malformed follow-up date and an overlong text', () => {
    expect(buildAction('set_follow_up', { date: '31.12.2026' }, 3)).toMatchObject({ ok: false, errors: { date: 'Bitte geben Sie ein gültiges Datum ein.' } });
    expect(buildAction('add_note', { text: 'x'.repeat(20_001) }, 3)).toMatchObject({ ok: false, errors: { text: expect.stringContaining('zu lang') } });
  });
});

describe('actionDetails', () => {
  it('lists the entered texts under their dialog labels', () => {
    expect(actionDetails({ action: 'accept', note: 'Vollständig.', expectedVersion: 1 })).toEqual([{ label: 'Vermerk', value: 'Vollständig.' }]);
    expect(actionDetails({ action: 'accept', expectedVersion: 1 })).toEqual([]);
  });
});
