// Saved views as tabs. Arrow keys move between tabs (WAI-ARIA tabs pattern, manual activation
// is not needed because switching a view is instant).
import { useRef, type KeyboardEvent } from 'react';
import { SAVED_VIEWS } from '../logic/saved-views.ts';
import { useClerkUi } from '../store.ts';

export const INBOX_PANEL_ID = 'inbox-panel';

export function ViewTabs() {
  const viewId = useClerkUi((state) => state.viewId);
  const setView = useClerkUi((state) => state.setView);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    let step = 0;
    if (event.key === 'ArrowRight') step = 1;
    if (event.key === 'ArrowLeft') step = -1;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + SAVED_VIEWS.length) % SAVED_VIEWS.length;
    setView(SAVED_VIEWS[next]!.id);
    refs.current[next]?.focus();
  };

  return (
    <div className="clerk-tabs" role="tablist" aria-label="Ansichten">
      {SAVED_VIEWS.map((view, index) => {
        const selected = view.id === viewId;
        return (
          <button
            key={view.id}
            ref={(element) => { refs.current[index] = element; }}
            type="button"
            role="tab"
            id={`tab-${view.id}`}
            aria-selected={selected}
            aria-controls={INBOX_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            className={`clerk-tab${selected ? ' clerk-tab--selected' : ''}`}
            onClick={() => setView(view.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {view.label}
          </button>
        );
      })}
    </div>
  );
}
