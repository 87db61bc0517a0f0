-- The distinct terms of the search documents, read by range: a query word
-- is looked up as the exact terms that begin with it (db/search/mod.rs).
-- The FTS5 vocabulary of migration 22 answered this by counting each
-- term's documents as it listed it, reading the term's whole list: 0.15 to
-- 0.3 ms for a common surname at a million, as much as the search itself.
-- Access words (`x…`) are never looked up. A term whose documents are all
-- gone stays: looked up, it matches nothing.
CREATE TABLE search_terms (term TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
INSERT INTO search_terms (term)
    SELECT term FROM search_vocabulary WHERE term NOT LIKE 'x%';
DROP TABLE search_vocabulary;
-- A document's words are `[a-z0-9]` separated by single spaces: quoted and
-- comma-joined they are a JSON array.
CREATE TRIGGER search_documents_terms_insert AFTER INSERT ON search_documents BEGIN
    INSERT OR IGNORE INTO search_terms (term)
        SELECT value FROM json_each('["' || replace(new.words, ' ', '","') || '"]')
        WHERE value <> '' AND value NOT LIKE 'x%';
END;
CREATE TRIGGER search_documents_terms_update AFTER UPDATE OF words ON search_documents BEGIN
    INSERT OR IGNORE INTO search_terms (term)
        SELECT value FROM json_each('["' || replace(new.words, ' ', '","') || '"]')
        WHERE value <> '' AND value NOT LIKE 'x%';
END;
