-- Sources are the outlets articles come from.
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- Articles keep the raw document and the cleaned text side by side, so
-- that cleaning can be rerun without fetching anything again.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    ref          TEXT NOT NULL,
    url          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    published    TEXT,
    language     TEXT NOT NULL DEFAULT '',
    format       TEXT NOT NULL DEFAULT '',
    raw          TEXT NOT NULL,
    text         TEXT NOT NULL,
    headings     TEXT NOT NULL DEFAULT '[]',
    removed      TEXT NOT NULL DEFAULT '[]',
    warnings     TEXT NOT NULL DEFAULT '[]',
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_ingested ON articles(ingested_at, id);

-- Sentences are code-point ranges of articles.text; their text is cut
-- from the article when read, rather than stored twice.
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start_at   INTEGER NOT NULL,
    end_at     INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
