-- An article waits in cluster_pending from when it is stored until a
-- round of clustering gives it a story. A run that stored articles and
-- died before clustering them leaves them here, and the next run finds
-- them without reading every article.
CREATE TABLE cluster_pending (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO cluster_pending (article_id)
    SELECT id FROM articles a
    WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id);

CREATE TRIGGER articles_cluster_pending AFTER INSERT ON articles BEGIN
    INSERT INTO cluster_pending (article_id) VALUES (NEW.id);
END;

CREATE TRIGGER story_articles_cluster_done AFTER INSERT ON story_articles BEGIN
    DELETE FROM cluster_pending WHERE article_id = NEW.article_id;
END;
