-- Each save of the clusterer's state raises its version. A round of
-- clustering names the version it started from, and the save refuses it
-- when another process saved in between, instead of overwriting the
-- stories that process made.
ALTER TABLE cluster_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE cluster_state SET version = 1;
