-- "Any part of the name" now searches the distinct name words (a few thousand) instead of every patient:
-- a trigram index over name_vocabulary finds the words containing what was typed, and patients are then
-- found through patient_name_words like any other word match. Measured at 100,000 patients, the per-patient
-- trigram index cost about half of every insert and, for rare substrings made of common trigrams, several
-- milliseconds per search; the vocabulary index is small and only written when a new word first appears.
-- Email search keeps its exact and prefix lookups (patient_search_email).
DROP TRIGGER `patient_search_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `patient_search_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `patient_search_fts_update`;
--> statement-breakpoint
DROP TABLE `patient_search_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `name_vocabulary_fts` USING fts5(
	word,
	content='name_vocabulary', content_rowid='rowid',
	tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `name_vocabulary_fts_insert` AFTER INSERT ON `name_vocabulary` BEGIN
	INSERT INTO name_vocabulary_fts (rowid, word) VALUES (new.rowid, new.word);
END;
--> statement-breakpoint
CREATE TRIGGER `name_vocabulary_fts_delete` AFTER DELETE ON `name_vocabulary` BEGIN
	INSERT INTO name_vocabulary_fts (name_vocabulary_fts, rowid, word) VALUES ('delete', old.rowid, old.word);
END;
--> statement-breakpoint
INSERT INTO name_vocabulary_fts (name_vocabulary_fts) VALUES ('rebuild');
