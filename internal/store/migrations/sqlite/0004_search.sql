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

-- The store adds the rows of new articles itself, with one statement per
-- batch in the batch's transaction: FTS5 flushes its pending terms at every
-- statement savepoint, so a trigger per article row would make each
-- article a segment of its own. These triggers keep the index in step with
-- any other change to an article.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = OLD.id;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = OLD.id;
    INSERT INTO articles_fts (title, text, article_id) VALUES (NEW.title, NEW.text, NEW.id);
END;
