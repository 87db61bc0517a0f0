CREATE TABLE search_terms (
    kind TEXT NOT NULL,
    term TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    PRIMARY KEY (kind, term, entity_id)
);
CREATE INDEX search_terms_entity ON search_terms (kind, entity_id);

-- Each document's words back to one row per word, without the kind's
-- letter; conventions had no words of their own.
WITH RECURSIVE split (key, word, rest) AS (
    SELECT key, '', words || ' ' FROM search_documents WHERE key % 16 <> 7
    UNION ALL
    SELECT key, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO search_terms (kind, term, entity_id)
SELECT CASE key % 16
        WHEN 0 THEN 'organisation' WHEN 1 THEN 'organisation_address'
        WHEN 2 THEN 'student' WHEN 3 THEN 'user' WHEN 4 THEN 'host_service'
        WHEN 5 THEN 'offer' ELSE 'offer_place' END,
    substr(word, 2), key / 16
FROM split WHERE word <> '';

DROP TRIGGER search_documents_update;
DROP TRIGGER search_documents_delete;
DROP TRIGGER search_documents_insert;
DROP TABLE search_index;
DROP TABLE search_documents;
