DROP INDEX search_documents_kind_key;
