// The inbox: saved views, search, the list and the list export. Keyboard commands work whenever
// no dialog is open and the clerk is not typing in a field.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InboxRowData } from '../../../src-shared/ipc/clerk.ts';
import { describeFailure } from '../logic/errors.ts';
import { inboxCommand, moveSelection } from '../logic/keyboard.ts';
import { inboxQuery, savedView } from '../logic/saved-views.ts';
import { useApi } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { InboxList, type InboxListHandle } from './InboxList.tsx';
import { SearchBox } from './SearchBox.tsx';
import { INBOX_PANEL_ID, ViewTabs } from './ViewTabs.tsx';

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function InboxScreen() {
  const api = useApi();
  const viewId = useClerkUi((state) => state.viewId);
  const search = useClerkUi((state) => state.search);
  const selectedIndex = useClerkUi((state) => state.selectedIndex);
  const select = useClerkUi((state) => state.select);
  const openApplication = useClerkUi((state) => state.openApplication);
  const pushToast = useClerkUi((state) => state.pushToast);
  const dialogOpen = useClerkUi((state) => state.dialog !== null);
  const [total, setTotal] = useState(0);
  const listRef = useRef<InboxListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const query = useMemo(() => inboxQuery(viewId, search), [viewId, search]);
  const view = savedView(viewId);

  const exportCsv = useMutation({
    mutationFn: () => api.exportCsv(query),
    onSuccess: (result) => {
      if (result.saved) pushToast({ kind: 'success', title: 'Liste exportiert', text: 'Die CSV-Datei wurde gespeichert.' });
    },
    onError: (error) => pushToast({ kind: 'danger', title: 'Export fehlgeschlagen', text: describeFailure('Die Liste konnte nicht exportiert werden', error) }),
  });

  const openRow = useCallback((row: InboxRowData) => openApplication(row.id), [openApplication]);
  const onTotal = useCallback((count: number) => setTotal(count), []);

  // The list owns the loaded rows, so the selected one is opened through its row element.
  const openSelected = useCallback(() => {
    const row = document.getElementById(`inbox-row-${selectedIndex}`);
    row?.click();
  }, [selectedIndex]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (dialogOpen || event.defaultPrevented) return;
      const active = document.activeElement;
      const command = inboxCommand({ key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, inTextField: isTextField(event.target) });
      if (!command) return;

      if (command === 'focus_search') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }

      // Enter on a button or link keeps its own meaning; it opens a row only from the list.
      const onList = active instanceof HTMLElement && active.getAttribute('role') === 'grid';
      if (command === 'open') {
        if (onList && selectedIndex >= 0) {
          event.preventDefault();
          openSelected();
        }
        return;
      }
      event.preventDefault();
      select(moveSelection(selectedIndex, command, total));
      listRef.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialogOpen, selectedIndex, select, total, openSelected]);

  return (
    <div className="clerk-inbox">
      <div className="clerk-inbox__toolbar">
        <h1 className="kern-heading-medium clerk-inbox__title">Posteingang</h1>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">Liste als CSV exportieren</span>
        </button>
      </div>
      <ViewTabs />
      <div id={INBOX_PANEL_ID} role="tabpanel" aria-labelledby={`tab-${viewId}`} className="clerk-inbox__panel">
        <SearchBox ref={searchRef} onEnterList={() => {
          if (total > 0) select(0);
          listRef.current?.focus();
        }} />
        <p className="kern-body kern-body--small" role="status" aria-live="polite">
          {total === 1 ? '1 Antrag' : `${total.toLocaleString('de-DE')} Anträge`} in „{view.label}“{search.trim() ? ` mit „${search.trim()}“` : ''}
        </p>
        <InboxList ref={listRef} query={query} label={`Posteingang: ${view.label}`} onOpen={openRow} onTotal={onTotal} />
      </div>
    </div>
  );
}
