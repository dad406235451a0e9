import type { Migration } from './types.ts';

// Recreates the full-text index without the prefix indexes of migration 1 (prefix = '2 3'). They
// stored every token three times, which made building the index for a first sync of 100,000
// applications take 1.6 s instead of 0.8 s, while a prefix query on the plain index stays under
// 2 ms at that size. The index is contentless, so its text cannot be read back; the fts5vocab
// table lists every stored token with its row, column and position instead, and the tokens in
// position order are inserted into the new index. The cache stays searchable offline, without a
// fresh sync.
//
// A first sync now writes the search index page by page as well (initial-load.ts), so the staging
// table of migration 4 goes. Rows staged by a first sync that was interrupted before this update
// move into the index first; secure_delete overwrites the freed pages, because they held names
// and addresses as text.
export const searchWithoutPrefixIndex: Migration = {
  version: 5,
  name: 'search_without_prefix_index',
  sql: `
    ALTER TABLE application_search RENAME TO application_search_before_5;

    CREATE VIRTUAL TABLE application_search USING fts5 (
      reference, applicant, address, form,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE VIRTUAL TABLE temp.search_tokens_before_5 USING fts5vocab (main, application_search_before_5, instance);
    INSERT INTO application_search (rowid, reference, applicant, address, form)
      SELECT
        doc,
        coalesce(group_concat(term, ' ' ORDER BY offset) FILTER (WHERE col = 'reference'), ''),
        coalesce(group_concat(term, ' ' ORDER BY offset) FILTER (WHERE col = 'applicant'), ''),
        coalesce(group_concat(term, ' ' ORDER BY offset) FILTER (WHERE col = 'address'), ''),
        coalesce(group_concat(term, ' ' ORDER BY offset) FILTER (WHERE col = 'form'), '')
      FROM temp.search_tokens_before_5
      GROUP BY doc;
    DROP TABLE temp.search_tokens_before_5;

    DROP TABLE application_search_before_5;

    INSERT INTO application_search (rowid, reference, applicant, address, form)
      SELECT row_id, reference, applicant, address, form FROM search_staging;
    PRAGMA secure_delete = ON;
    DROP TABLE search_staging;
    -- OFF is the default of the bundled SQLite build, which nothing else in the app changes.
    PRAGMA secure_delete = OFF;
  `,
};
