-- Stories are listed largest first. Counting each story's articles on
-- every listing grew with the number of stories, so the count is kept on
-- the story, in step with story_articles through triggers, and indexed
-- with the order of the listing.
ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0;

UPDATE stories SET size = (SELECT count(*) FROM story_articles sa WHERE sa.story_id = stories.id);

CREATE INDEX stories_listing ON stories(successor, size DESC, id);

CREATE TRIGGER story_articles_size_insert AFTER INSERT ON story_articles BEGIN
    UPDATE stories SET size = size + 1 WHERE id = NEW.story_id;
END;

CREATE TRIGGER story_articles_size_update AFTER UPDATE OF story_id ON story_articles
WHEN OLD.story_id IS NOT NEW.story_id BEGIN
    UPDATE stories SET size = size - 1 WHERE id = OLD.story_id;
    UPDATE stories SET size = size + 1 WHERE id = NEW.story_id;
END;

CREATE TRIGGER story_articles_size_delete AFTER DELETE ON story_articles BEGIN
    UPDATE stories SET size = size - 1 WHERE id = OLD.story_id;
END;
