import { initialSchema } from './001_initial.ts';
import { outboxSchema } from './002_outbox.ts';
import { narrowInboxRows } from './003_narrow_inbox_rows.ts';
import { initialLoad } from './004_initial_load.ts';
import { searchWithoutPrefixIndex } from './005_search_without_prefix_index.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

/** All migrations in version order. Append new ones; never edit or reorder shipped ones. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, outboxSchema, narrowInboxRows, initialLoad, searchWithoutPrefixIndex];
