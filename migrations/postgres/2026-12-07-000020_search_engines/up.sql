-- Word search through PostgreSQL's full text search (db/search.rs): one
-- document per record, a tsvector of its words each prefixed with the
-- kind's letter, under the key id * 16 + kind, searched with prefix
-- queries over a GIN index. The words are normalised by the application
-- (the same folding as on SQLite), so no dictionary or unaccent is needed.
CREATE TABLE search_documents (
    key BIGINT PRIMARY KEY,
    words tsvector NOT NULL
);

INSERT INTO search_documents (key, words)
SELECT entity_id * 16 + CASE kind
        WHEN 'organisation' THEN 0 WHEN 'organisation_address' THEN 1
        WHEN 'student' THEN 2 WHEN 'user' THEN 3 WHEN 'host_service' THEN 4
        WHEN 'offer' THEN 5 ELSE 6 END,
    array_to_tsvector(array_agg(CASE kind
        WHEN 'organisation' THEN 'o' WHEN 'organisation_address' THEN 'a'
        WHEN 'student' THEN 's' WHEN 'user' THEN 'u' WHEN 'host_service' THEN 'h'
        WHEN 'offer' THEN 'f' ELSE 'p' END || term))
FROM search_terms
WHERE kind IN ('organisation', 'organisation_address', 'student', 'user',
               'host_service', 'offer', 'offer_place')
GROUP BY kind, entity_id;

-- A convention's document: its student's name and who may see it.
INSERT INTO search_documents (key, words)
SELECT c.id * 16 + 7,
    array_to_tsvector(
        ARRAY(SELECT 'c' || t.term FROM search_terms t
              WHERE t.kind = 'student' AND t.entity_id = c.student_id)
        || ARRAY['xc' || c.centre_id, 'xs' || c.student_id]
        || CASE WHEN c.supervisor_id IS NULL THEN ARRAY[]::text[]
                ELSE ARRAY['xv' || c.supervisor_id] END)
FROM conventions c;

CREATE INDEX search_documents_words ON search_documents USING gin (words);

DROP TABLE search_terms;
