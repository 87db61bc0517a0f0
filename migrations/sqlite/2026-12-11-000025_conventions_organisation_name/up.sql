-- The host's name as the conventions' search results show it, kept beside
-- the content it comes from (db::conventions::save): a page of results
-- then reads 25 names rather than 25 contents of 2.4 KB, which the server
-- parsed for the name (a quarter of its instructions for a manager's
-- search, BENCHMARKS.md). The statistics' triggers watch other columns.
ALTER TABLE conventions ADD COLUMN organisation_name TEXT;
UPDATE conventions SET organisation_name = json_extract(content, '$.organisation.name');
