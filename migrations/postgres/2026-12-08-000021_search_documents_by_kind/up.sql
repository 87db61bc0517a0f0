-- The documents of one kind in key order (db/search.rs, newest_first). A
-- search led by the engine walks its kind's keys down from the newest,
-- testing each document, until the page is full; through the primary key
-- it also read every other kind's documents in between (four or five a
-- record at a million conventions: 10 ms for a manager's search of a
-- common surname). SQLite needs no counterpart: FTS5 reads its matches in
-- key order from its own index.
CREATE INDEX search_documents_kind_key ON search_documents ((key % 16), key);
-- Statistics of the index's expression now, not at autovacuum's next
-- pass: without them the planner guessed `key % 16 = kind` rare and sorted
-- a million documents for a window of 16,384 (376 ms instead of 5).
ANALYZE search_documents;
