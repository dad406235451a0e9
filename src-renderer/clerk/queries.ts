// react-query hooks over the clerk API. The main process serves every read from its local cache,
// so the queries are cheap. Pushed events decide when they are refetched.
import { keepPreviousData, QueryClient, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import type { ClerkApi, InboxPageData, QueryInboxArgs, SyncStatus } from '../../src-shared/ipc/clerk.ts';
import { useClerkUi } from './store.ts';

export const ApiContext = createContext<ClerkApi | null>(null);

export function useApi(): ClerkApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiContext provider with the clerk API');
  return api;
}

export function createClerkQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Events from the main process invalidate what changed, so nothing refetches on a timer.
      queries: { retry: 1, staleTime: Infinity, refetchOnWindowFocus: false },
      // An action is stored in the outbox by the main process; the renderer never resends it.
      mutations: { retry: false },
    },
  });
}

export const queryKeys = {
  session: ['session'] as const,
  syncStatus: ['sync-status'] as const,
  inbox: ['inbox'] as const,
  inboxPage: (filter: QueryInboxArgs['filter'], sort: QueryInboxArgs['sort'], page: number) => ['inbox', filter, sort, page] as const,
  application: (id: string) => ['application', id] as const,
  service: (id: string, version: number) => ['service', id, version] as const,
  authorities: ['authorities'] as const,
  users: ['users'] as const,
  conflicts: ['conflicts'] as const,
  pendingActions: ['pending-actions'] as const,
  settings: ['settings'] as const,
};

export function useSession() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.session, queryFn: () => api.getSession() });
}

export function useSyncStatus() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.syncStatus, queryFn: () => api.getSyncStatus() });
}

/** Rows per inbox request. The list requests only the pages around the visible rows. */
export const INBOX_PAGE_SIZE = 200;

/** Loads the inbox pages that cover the given row indices and returns the rows by index. */
export function useInboxPages(query: Pick<QueryInboxArgs, 'filter' | 'sort'>, pageIndices: readonly number[]) {
  const api = useApi();
  const pages = [...new Set([0, ...pageIndices])].sort((a, b) => a - b);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: queryKeys.inboxPage(query.filter, query.sort, page),
      queryFn: (): Promise<InboxPageData> => api.queryInbox({ ...query, limit: INBOX_PAGE_SIZE, offset: page * INBOX_PAGE_SIZE }),
      // Keeps the old list on screen while a new search runs, instead of an empty flash.
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });

  const first = results[0];
  const total = first?.data?.total ?? 0;
  const rowAt = (index: number) => {
    const position = pages.indexOf(Math.floor(index / INBOX_PAGE_SIZE));
    return position === -1 ? undefined : results[position]?.data?.rows[index % INBOX_PAGE_SIZE];
  };

  return {
    total,
    rowAt,
    isLoading: first?.isLoading ?? true,
    isFetching: results.some((result) => result.isFetching),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

export function useApplication(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.application(id ?? ''),
    queryFn: () => api.getApplication({ id: id! }),
    enabled: id !== null,
  });
}

export function useService(id: string | undefined, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.service(id ?? '', version ?? 0),
    queryFn: () => api.getService({ id: id!, version: version! }),
    enabled: id !== undefined && version !== undefined,
  });
}

export function useAuthorities() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.authorities, queryFn: () => api.listAuthorities() });
}

export function useUsers() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.users, queryFn: () => api.listUsers() });
}

export function useConflicts(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.conflicts, queryFn: () => api.listConflicts(), enabled });
}

export function usePendingActions() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.pendingActions, queryFn: () => api.listPendingActions() });
}

/** Subscribes to the events of the main process and turns them into cache updates and notifications. */
export function useClerkEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const pushToast = useClerkUi((state) => state.pushToast);

  useEffect(() => {
    return api.onEvent((event) => {
      switch (event.type) {
        case 'sync-status': {
          const previous = queryClient.getQueryData<SyncStatus>(queryKeys.syncStatus);
          queryClient.setQueryData(queryKeys.syncStatus, event.status);
          // The main process ends an expired session and then reports its status, so the
          // session is read again here and the sign-in appears when it is gone.
          void queryClient.invalidateQueries({ queryKey: queryKeys.session });
          if (!previous || previous.pendingActions !== event.status.pendingActions) void queryClient.invalidateQueries({ queryKey: queryKeys.pendingActions });
          if (!previous || previous.conflicts !== event.status.conflicts) void queryClient.invalidateQueries({ queryKey: queryKeys.conflicts });
          break;
        }
        case 'inbox-changed':
          void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
          void queryClient.invalidateQueries({ queryKey: ['application'] });
          break;
        case 'assigned-to-me':
          pushToast({ kind: 'info', title: 'Neuer Antrag für Sie', text: `Ihnen wurde der Antrag ${event.reference} zugewiesen.`, applicationId: event.applicationId });
          break;
      }
    });
  }, [api, queryClient, pushToast]);
}
