import { describe, expect, it } from 'vitest';
import type { Application, HistoryEntry } from '../../../src-shared/api.ts';
import type { SyncStatus } from '../../../src-shared/ipc/clerk.ts';
import { diffApplications } from '../../../src-renderer/clerk/logic/conflict-diff.ts';
import { describeFailure, errorMessage } from '../../../src-renderer/clerk/logic/errors.ts';
import { initialSyncText, offlineBanner, pendingText } from '../../../src-renderer/clerk/logic/sync-text.ts';
import { buildTimeline } from '../../../src-renderer/clerk/logic/timeline.ts';
import { base64ToBytes, formatFileSize, viewerKind } from '../../../src-renderer/clerk/logic/attachment-viewer.ts';

const names = (id: string | null) => (id === null ? 'nicht zugewiesen' : ({ 'user-sn-krueger': 'Anja Krüger', schwerin: 'Landeshauptstadt Schwerin' } as Record<string, string>)[id] ?? id);

const online: SyncStatus = { online: true, lastSyncAt: '2026-12-04T13:05:00.000Z', initialSync: null, pendingActions: 0, conflicts: 0, lastError: null };

describe('offlineBanner', () => {
  it('stays away while online', () => {
    expect(offlineBanner(online)).toBeNull();
  });

  it('names last sync time and pending actions', () => {
    const banner = offlineBanner({ ...online, online: false, pendingActions: 2 })!;
    expect(banner.title).toBe('Keine Verbindung zum Portal');
    expect(banner.body).toContain('Letzter Abgleich: 04.12.2026, 14:05.');
    expect(banner.body).toContain('2 Aktionen warten auf das Senden.');
    expect(banner.body).toContain('Sie können weiterarbeiten');
  });

  it('uses the main process reason and singular for one action', () => {
    const banner = offlineBanner({ ...online, online: false, lastSyncAt: null, pendingActions: 1, lastError: 'Das Portal ist nicht erreichbar.' })!;
    expect(banner.body).toBe('Noch kein Abgleich mit dem Portal. 1 Aktion wartet auf das Senden. Das Portal ist nicht erreichbar.');
  });
});

describe('sync texts', () => {
  it('formats initial sync progress with and without a total', () => {
    expect(initialSyncText({ done: 1200, total: 4000, percent: 30 })).toBe('1.200 von 4.000 Anträgen (30 %)');
    expect(initialSyncText({ done: 500, total: null, percent: null })).toBe('500 Anträge geladen');
  });

  it('counts pending actions', () => {
    expect(pendingText(online)).toBeNull();
    expect(pendingText({ ...online, pendingActions: 3 })).toBe('3 Aktionen werden gesendet');
  });
});

describe('errors', () => {
  it('strips the Electron IPC wrapper', () => {
    const error = new Error("Error invoking remote method 'clerk:login': Error: Das Portal ist nicht erreichbar.");
    expect(errorMessage(error)).toBe('Das Portal ist nicht erreichbar.');
  });

  it('says what failed and what to do next', () => {
    expect(describeFailure('Der Antrag konnte nicht geladen werden', new Error('Zeitüberschreitung'))).toBe(
      'Der Antrag konnte nicht geladen werden: Zeitüberschreitung. Bitte versuchen Sie es erneut. Wenn der Fehler bleibt, wenden Sie sich an die IT-Betreuung.',
    );
    expect(describeFailure('Export fehlgeschlagen', undefined)).toMatch(/^Export fehlgeschlagen\. Bitte versuchen/);
  });
});

const base: Application = {
  id: '0b5c0d52-3d6e-4a4e-9a55-2f1f4e1c8a01', reference: 'SN-2026-000001', version: 1, authorityId: 'schwerin',
  serviceId: 'urn:de:fim:leika:leistung:99000000000003', serviceVersion: 1, serviceName: 'Meldebescheinigung', channel: 'online',
  status: 'submitted', receivedAt: '2026-12-01T09:00:00.000Z', deadline: '2026-12-08', applicantName: 'Mühlenbeck, Jürgen',
  applicantEmail: null, placeArs: '130040000000', assigneeId: null, followUp: null, needsAttention: false, recordedBy: null,
  formData: {}, attachments: [], updatedAt: '2026-12-01T09:00:00.000Z',
  history: [{ id: 'h1', kind: 'status', at: '2026-12-01T09:00:00.000Z', actorId: 'system', status: 'submitted', previousStatus: null, citizenText: 'Eingegangen.', internalNote: null, decision: null }],
};

describe('diffApplications', () => {
  it('lists changed fields and history entries the clerk did not see', () => {
    const accepted: HistoryEntry = { id: 'h2', kind: 'status', at: '2026-12-02T09:00:00.000Z', actorId: 'user-sn-krueger', status: 'accepted', previousStatus: 'submitted', citizenText: 'Angenommen.', internalNote: null, decision: null };
    const server: Application = { ...base, version: 3, status: 'accepted', assigneeId: 'user-sn-krueger', history: [...base.history, accepted] };
    const diff = diffApplications(base, server, names, names);
    expect(diff.changes).toEqual([
      { label: 'Version', local: '1', server: '3' },
      { label: 'Status', local: 'Eingegangen', server: 'Angenommen' },
      { label: 'Zuständig', local: 'nicht zugewiesen', server: 'Anja Krüger' },
    ]);
    expect(diff.newEntries.map((entry) => entry.id)).toEqual(['h2']);
  });

  it('handles a missing version', () => {
    const diff = diffApplications(null, base, names, names);
    expect(diff.changes[0]).toEqual({ label: 'Version', local: 'nicht verfügbar', server: '1' });
    expect(diff.newEntries).toHaveLength(1);
  });
});

describe('buildTimeline', () => {
  it('orders newest first and marks internal texts', () => {
    const history: HistoryEntry[] = [
      ...base.history,
      { id: 'h2', kind: 'status', at: '2026-12-02T09:00:00.000Z', actorId: 'user-sn-krueger', status: 'accepted', previousStatus: 'submitted', citizenText: 'Angenommen.', internalNote: 'Unterlagen geprüft.', decision: null },
      { id: 'h3', kind: 'note', at: '2026-12-03T09:00:00.000Z', actorId: 'user-sn-krueger', text: 'Rückruf vereinbart.' },
      { id: 'h4', kind: 'message', at: '2026-12-04T09:00:00.000Z', actorId: 'citizen', direction: 'from_citizen', text: 'Danke.' },
    ];
    const timeline = buildTimeline(history, names, names);
    expect(timeline.map((item) => item.id)).toEqual(['h4', 'h3', 'h2', 'h1']);
    expect(timeline[0]).toMatchObject({ title: 'Antwort von Antragsteller:in', actor: 'Antragsteller:in', internal: false });
    expect(timeline[1]).toMatchObject({ title: 'Vermerk', internal: true });
    expect(timeline[2]!.texts).toEqual([
      { label: 'Text für Antragsteller:in', text: 'Angenommen.', internal: false },
      { label: 'Vermerk', text: 'Unterlagen geprüft.', internal: true },
    ]);
    expect(timeline[3]!.actor).toBe('System');
  });

  it('marks a discard internal as a whole', () => {
    const [item] = buildTimeline([{ id: 'h9', kind: 'status', at: '2026-12-02T09:00:00.000Z', actorId: 'user-sn-krueger', status: 'discarded', previousStatus: 'submitted', citizenText: '', internalNote: 'Dublette', decision: null }], names, names);
    expect(item).toMatchObject({ title: 'Status: Verworfen', internal: true });
  });
});

describe('attachment viewer helpers', () => {
  it('shows PDF and PNG/JPEG, nothing else', () => {
    expect(viewerKind('application/pdf')).toBe('pdf');
    expect(viewerKind('IMAGE/PNG')).toBe('image');
    expect(viewerKind('image/jpeg; charset=binary')).toBe('image');
    expect(viewerKind('image/svg+xml')).toBe('none');
    expect(viewerKind('text/html')).toBe('none');
  });

  it('decodes base64 and formats sizes', () => {
    expect([...base64ToBytes(Buffer.from('%PDF').toString('base64'))]).toEqual([37, 80, 68, 70]);
    expect(formatFileSize(512)).toBe('512 Byte');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(3 * 1024 * 1024)).toBe('3 MB');
  });
});
