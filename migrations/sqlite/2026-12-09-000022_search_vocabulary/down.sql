DROP TABLE search_vocabulary;
