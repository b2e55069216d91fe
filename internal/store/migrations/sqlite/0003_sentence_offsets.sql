-- Sentences are only ever read with their article, so their offsets move
-- into one column of it: a row per sentence cost dozens of index inserts
-- per article, the most expensive part of ingesting.
ALTER TABLE articles ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';
UPDATE articles SET sentences = (
    SELECT coalesce(json_group_array(json_array(start_at, end_at)), '[]')
    FROM (SELECT start_at, end_at FROM sentences s WHERE s.article_id = articles.id ORDER BY idx)
);
DROP TABLE sentences;
