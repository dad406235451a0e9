// The inbox as a virtualized ARIA grid: only the rows on screen (plus a small overscan) are in
// the DOM, so 100,000 cached applications cost no more than 50. The grid keeps focus itself and
// points at the highlighted row with aria-activedescendant.
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { InboxRowData, QueryInboxArgs } from '../../../src-shared/ipc/clerk.ts';
import { formatDateDe, berlinDate } from '../../../src-shared/dates.ts';
import { STATUS_LABELS_DE } from '../../../src-shared/status.ts';
import { INBOX_PAGE_SIZE, useInboxPages } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { useUserName } from './names.ts';

/** Row height in px; rows are one line high so the virtualizer can use a fixed size. */
const ROW_HEIGHT = 48;
/** Rows rendered above and below the visible ones, for smooth scrolling. */
const OVERSCAN = 10;

const COLUMNS = ['Aktenzeichen', 'Leistung', 'Antragsteller:in', 'Eingegangen', 'Frist', 'Status', 'Zuständig'];

export interface InboxListHandle {
  focus(): void;
}

export interface InboxListProps {
  query: Pick<QueryInboxArgs, 'filter' | 'sort'>;
  label: string;
  onOpen(row: InboxRowData): void;
  onTotal(total: number): void;
}

export function rowElementId(index: number): string {
  return `inbox-row-${index}`;
}

export const InboxList = forwardRef<InboxListHandle, InboxListProps>(function InboxList({ query, label, onOpen, onTotal }, ref) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedIndex = useClerkUi((state) => state.selectedIndex);
  const select = useClerkUi((state) => state.select);
  const userName = useUserName();
  const today = berlinDate(new Date());

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

  // The first page returns the total. The virtualizer then requests the pages it renders.
  const firstPass = useInboxPages(query, []);
  const virtualizer = useVirtualizer({
    count: firstPass.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const pageIndices = items.map((item) => Math.floor(item.index / INBOX_PAGE_SIZE));
  const inbox = useInboxPages(query, pageIndices);

  useEffect(() => onTotal(inbox.total), [inbox.total, onTotal]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const activeId = selectedIndex >= 0 && selectedIndex < inbox.total ? rowElementId(selectedIndex) : undefined;

  return (
    <div
      ref={scrollRef}
      className="clerk-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={inbox.total + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={activeId}
      aria-busy={inbox.isFetching}
      tabIndex={0}
      onFocus={() => {
        if (selectedIndex < 0 && inbox.total > 0) select(0);
      }}
    >
      <div role="rowgroup" className="clerk-grid__head">
        <div role="row" aria-rowindex={1} className="clerk-grid__row clerk-grid__row--head">
          {COLUMNS.map((column) => (
            <div role="columnheader" key={column} className="clerk-grid__cell">{column}</div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="clerk-grid__body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const row = inbox.rowAt(item.index);
          const selected = item.index === selectedIndex;
          return (
            <div
              key={item.key}
              id={rowElementId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              data-index={item.index}
              className={`clerk-grid__row${selected ? ' clerk-grid__row--selected' : ''}${row?.needsAttention ? ' clerk-grid__row--attention' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: `${item.size}px` }}
              onClick={() => {
                select(item.index);
                if (row) onOpen(row);
              }}
            >
              {row ? <RowCells row={row} today={today} assignee={userName(row.assigneeId)} /> : <div role="gridcell" className="clerk-grid__cell">Wird geladen …</div>}
            </div>
          );
        })}
      </div>
      {!inbox.isLoading && inbox.total === 0 && <p className="kern-body clerk-grid__empty">Keine Anträge in dieser Ansicht.</p>}
    </div>
  );
});

function RowCells({ row, today, assignee }: { row: InboxRowData; today: string; assignee: string }) {
  return (
    <>
      <div role="gridcell" className="clerk-grid__cell clerk-grid__cell--reference">{row.reference}</div>
      <div role="gridcell" className="clerk-grid__cell">{row.serviceName}</div>
      <div role="gridcell" className="clerk-grid__cell">{row.applicantName}</div>
      <div role="gridcell" className="clerk-grid__cell">{formatDateDe(berlinDate(row.receivedAt))}</div>
      <div role="gridcell" className="clerk-grid__cell"><DeadlineBadge deadline={row.deadline} status={row.status} today={today} /></div>
      <div role="gridcell" className="clerk-grid__cell">
        {STATUS_LABELS_DE[row.status]}
        {row.needsAttention && <span className="kern-badge kern-badge--info kern-badge--small clerk-badge-inline">Neue Antwort</span>}
      </div>
      <div role="gridcell" className="clerk-grid__cell">{assignee}</div>
    </>
  );
}
