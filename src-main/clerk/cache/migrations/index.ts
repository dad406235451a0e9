import { initialSchema } from './001_initial.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

/** All migrations in version order. Append new ones; never edit or reorder shipped ones. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
