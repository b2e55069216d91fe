-- articles_fts indexes the title and cleaned text of every article for
-- full-text search. It keeps its own copy of the text rather than pointing
-- at articles (external content): that would key it on articles' implicit
-- rowid, which VACUUM may renumber since the primary key is text. The
-- tokenizer folds case and diacritics, so that "Lukasenka" finds
-- "Lukašenka".
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    text,
    article_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A match in the title weighs three times one in the text; "ORDER BY rank"
-- uses these weights.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');

INSERT INTO articles_fts (title, text, article_id) SELECT title, text, id FROM articles;

-- New articles wait in search_pending, filled by a trigger in the
-- article's own insert, and the store moves them into the index in
-- batches (see SQLite.IndexSearch), before every search and in the
-- server's background. Indexing inside the ingest transaction cost about a
-- quarter of text-ingest throughput, and FTS5 flushes its pending terms at
-- every statement savepoint, which made each article a segment of its own.
CREATE TABLE search_pending (article_id TEXT PRIMARY KEY);

CREATE TRIGGER articles_search_pending AFTER INSERT ON articles BEGIN
    INSERT INTO search_pending (article_id) VALUES (NEW.id);
END;

-- These keep the index in step with any other change to an article.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = OLD.id;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = OLD.id;
    INSERT INTO articles_fts (title, text, article_id) VALUES (NEW.title, NEW.text, NEW.id);
END;
