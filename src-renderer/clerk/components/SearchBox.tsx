// Instant search over the inbox. Input is debounced so a fast typist does not send a query per
// key; folding of umlauts happens in the cache's search.
import { forwardRef, useEffect, useState, type KeyboardEvent } from 'react';
import { MAX_SEARCH_LENGTH } from '../logic/saved-views.ts';
import { useClerkUi } from '../store.ts';

/** Pause after the last key before the search runs. */
export const SEARCH_DEBOUNCE_MS = 200;

export interface SearchBoxProps {
  /** Called on ↓ so the clerk can move from the search into the result list. */
  onEnterList(): void;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ onEnterList }, ref) {
  const search = useClerkUi((state) => state.search);
  const setSearch = useClerkUi((state) => state.setSearch);
  const [text, setText] = useState(search);

  useEffect(() => {
    if (text === search) return;
    const timer = setTimeout(() => setSearch(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, search, setSearch]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      setSearch(text);
      onEnterList();
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault();
      setText('');
      setSearch('');
    }
  };

  return (
    <div className="kern-form-input clerk-search" role="search">
      <label className="kern-label" htmlFor="inbox-search">Suche (Aktenzeichen, Name, Leistung)</label>
      <input
        ref={ref}
        id="inbox-search"
        className="kern-form-input__input"
        type="search"
        value={text}
        maxLength={MAX_SEARCH_LENGTH}
        aria-keyshortcuts="/"
        aria-describedby="inbox-search-hint"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="kern-hint" id="inbox-search-hint">Taste / springt hierher, ↓ in die Ergebnisliste, Esc leert die Suche.</p>
    </div>
  );
});
