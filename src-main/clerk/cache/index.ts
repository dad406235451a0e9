// Public surface of the clerk cache. Other main-process modules import from here only.
export { openClerkCache, createClerkCache } from './clerk-cache.ts';
export type { ClerkCache, ClerkCacheOptions, OpenedClerkCache, SyncState } from './clerk-cache.ts';
export { openCacheDatabase, openCacheWriterConnection, CacheIntegrityError } from './database.ts';
export type { OpenCacheDatabaseOptions, OpenedCacheDatabase } from './database.ts';
export { cacheFilePath, CACHE_FOLDER } from './cache-file.ts';
export { migrate, LATEST_SCHEMA_VERSION, CacheSchemaTooNewError, CacheMigrationMismatchError } from './migrate.ts';
export { createFeedWriter, prepareFeedChange, prepareFeedPage, InvalidSnapshotError } from './feed-writer.ts';
export type { FeedPageResult, PreparedChange, PreparedFeedPage } from './feed-writer.ts';
export { finishInitialLoad } from './initial-load.ts';
export { MAX_PAGE_SIZE } from './inbox-query.ts';
export type { AssigneeFilter, InboxFilter, InboxPage, InboxPaging, InboxRow, InboxSort, InboxSortField } from './inbox-query.ts';
export { SAVED_VIEWS, SAVED_VIEW_IDS, OPEN_STATUSES, savedViewFilter } from './saved-views.ts';
export type { SavedView, SavedViewId } from './saved-views.ts';
export { germanSortKey } from './german-sort-key.ts';
export { foldForSearch, searchMatchExpression } from './search-text.ts';
