// UI state of the clerk window (zustand): the open view, search, selection, open application,
// dialogs and notifications. Server data lives in the react-query cache, not here.
import { create } from 'zustand';
import type { ClerkActionName } from '../../src-shared/api.ts';
import type { SavedViewId } from './logic/saved-views.ts';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  text: string;
  /** Application the toast refers to, so it can offer "Öffnen". */
  applicationId?: string;
}

export type OpenDialog =
  | { kind: 'action'; action: ClerkActionName; applicationId: string }
  | { kind: 'conflicts' }
  | { kind: 'attachment'; applicationId: string; attachmentId: string }
  | { kind: 'shortcuts' }
  | { kind: 'settings' };

export interface ClerkUiState {
  viewId: SavedViewId;
  search: string;
  /** Index of the highlighted row in the current list; -1 before the first move. */
  selectedIndex: number;
  openApplicationId: string | null;
  dialog: OpenDialog | null;
  toasts: Toast[];

  setView(viewId: SavedViewId): void;
  setSearch(search: string): void;
  select(index: number): void;
  openApplication(id: string): void;
  closeApplication(): void;
  openDialog(dialog: OpenDialog): void;
  closeDialog(): void;
  pushToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  reset(): void;
}

let nextToastId = 1;

const INITIAL = {
  viewId: 'mine' as SavedViewId,
  search: '',
  selectedIndex: -1,
  openApplicationId: null,
  dialog: null,
  toasts: [] as Toast[],
};

/** At most this many notifications stay on screen; older ones go first. */
const MAX_TOASTS = 4;

export const useClerkUi = create<ClerkUiState>()((set) => ({
  ...INITIAL,

  setView: (viewId) => set({ viewId, selectedIndex: -1 }),
  setSearch: (search) => set({ search, selectedIndex: -1 }),
  select: (selectedIndex) => set({ selectedIndex }),
  openApplication: (id) => set({ openApplicationId: id }),
  closeApplication: () => set({ openApplicationId: null }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  pushToast: (toast) => set((state) => ({ toasts: [...state.toasts, { ...toast, id: nextToastId++ }].slice(-MAX_TOASTS) })),
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  reset: () => set({ ...INITIAL }),
}));
