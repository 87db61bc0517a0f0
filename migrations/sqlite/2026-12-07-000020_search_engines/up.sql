-- Word search through FTS5 (db/search.rs): one document per record, its
-- words each prefixed with the kind's letter, under the key
-- id * 16 + kind. The documents are kept in search_documents; the FTS5
-- table indexes them (external content, kept by the triggers below), with
-- prefix indexes for short prefixes and no positions (no phrase search).
CREATE TABLE search_documents (
    key INTEGER PRIMARY KEY,
    words TEXT NOT NULL
);

CREATE VIRTUAL TABLE search_index USING fts5 (
    words,
    content = 'search_documents',
    content_rowid = 'key',
    tokenize = 'ascii',
    prefix = '2 3 4',
    detail = 'none'
);

CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_index (rowid, words) VALUES (new.key, new.words);
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_index (search_index, rowid, words) VALUES ('delete', old.key, old.words);
END;
CREATE TRIGGER search_documents_update AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_index (search_index, rowid, words) VALUES ('delete', old.key, old.words);
    INSERT INTO search_index (rowid, words) VALUES (new.key, new.words);
END;

-- The words indexed so far, one document per record.
INSERT INTO search_documents (key, words)
SELECT entity_id * 16 + CASE kind
        WHEN 'organisation' THEN 0 WHEN 'organisation_address' THEN 1
        WHEN 'student' THEN 2 WHEN 'user' THEN 3 WHEN 'host_service' THEN 4
        WHEN 'offer' THEN 5 ELSE 6 END,
    group_concat(CASE kind
        WHEN 'organisation' THEN 'o' WHEN 'organisation_address' THEN 'a'
        WHEN 'student' THEN 's' WHEN 'user' THEN 'u' WHEN 'host_service' THEN 'h'
        WHEN 'offer' THEN 'f' ELSE 'p' END || term, ' ')
FROM search_terms
WHERE kind IN ('organisation', 'organisation_address', 'student', 'user',
               'host_service', 'offer', 'offer_place')
GROUP BY kind, entity_id;

-- A convention's document: its student's name and who may see it.
INSERT INTO search_documents (key, words)
SELECT c.id * 16 + 7,
    coalesce((SELECT group_concat('c' || t.term, ' ') FROM search_terms t
              WHERE t.kind = 'student' AND t.entity_id = c.student_id) || ' ', '')
    || 'xc' || c.centre_id || ' xs' || c.student_id
    || coalesce(' xv' || c.supervisor_id, '')
FROM conventions c;

DROP TABLE search_terms;
