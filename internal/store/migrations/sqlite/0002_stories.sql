-- Stories are the clusterer's groups of articles. A merged story keeps its
-- row with successor set, so that an old id leads to the story that
-- absorbed it.
CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL DEFAULT '',
    first_at   TEXT,
    last_at    TEXT,
    successor  TEXT,
    entities   TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_successor ON stories(successor);

-- Each article belongs to one story at a time.
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    score      REAL NOT NULL DEFAULT 0
);
CREATE INDEX story_articles_story ON story_articles(story_id);

-- The clusterer's state, so that a restart continues the same stories.
CREATE TABLE cluster_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    state      BLOB NOT NULL,
    updated_at TEXT NOT NULL
);
