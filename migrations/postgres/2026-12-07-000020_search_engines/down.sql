CREATE TABLE search_terms (
    kind TEXT NOT NULL,
    term TEXT COLLATE "C" NOT NULL,
    entity_id BIGINT NOT NULL,
    PRIMARY KEY (kind, term, entity_id)
);
CREATE INDEX search_terms_entity ON search_terms (kind, entity_id);

-- Each document's words back to one row per word, without the kind's
-- letter; conventions had no words of their own.
INSERT INTO search_terms (kind, term, entity_id)
SELECT CASE key % 16
        WHEN 0 THEN 'organisation' WHEN 1 THEN 'organisation_address'
        WHEN 2 THEN 'student' WHEN 3 THEN 'user' WHEN 4 THEN 'host_service'
        WHEN 5 THEN 'offer' ELSE 'offer_place' END,
    substr(w, 2), key / 16
FROM search_documents, unnest(tsvector_to_array(words)) AS w
WHERE key % 16 <> 7;

DROP TABLE search_documents;
