DROP TRIGGER search_documents_terms_update;
DROP TRIGGER search_documents_terms_insert;
DROP TABLE search_terms;
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_index, 'row');
