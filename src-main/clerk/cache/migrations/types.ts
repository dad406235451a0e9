/** One forward-only schema change. Versions start at 1 and increase by one; a shipped one never changes. */
export interface Migration {
  version: number;
  /** Short snake_case label, stored in schema_migrations next to the version. */
  name: string;
  sql: string;
}
