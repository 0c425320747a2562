-- Patient search at 100,000 patients: folded side tables kept in sync by triggers, a trigram FTS5 index,
-- and the indexes each search tier reads. Hand-written (drizzle-kit --custom): drizzle has no FTS5 or triggers.
-- The triggers call anteroom_name_fold / anteroom_name_words / anteroom_reverse, registered by the app on
-- every connection (src/main/search/sql-functions.ts): patients must be written by Anteroom.
-- The side tables have no foreign keys on purpose: they are derived indexes (like the FTS table), so the
-- generic patient merge, which follows foreign keys to patients, must not treat them as patient data.
CREATE TABLE `patient_search` (
	`patient_id` integer PRIMARY KEY NOT NULL,
	`name_fold` text NOT NULL,
	`phone_digits` text NOT NULL,
	`phone_rev` text NOT NULL,
	`email` text,
	`mrn_number` integer NOT NULL,
	`dob` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `patient_search_phone_digits` ON `patient_search` (`phone_digits`);
--> statement-breakpoint
CREATE INDEX `patient_search_phone_rev` ON `patient_search` (`phone_rev`);
--> statement-breakpoint
CREATE INDEX `patient_search_email` ON `patient_search` (`email`);
--> statement-breakpoint
CREATE INDEX `patient_search_mrn` ON `patient_search` (`mrn_number`);
--> statement-breakpoint
CREATE INDEX `patient_search_dob` ON `patient_search` (`dob`);
--> statement-breakpoint
-- One row per distinct folded name word: "any word starts with" is an index range on `word`.
CREATE TABLE `patient_name_words` (
	`word` text NOT NULL,
	`patient_id` integer NOT NULL,
	PRIMARY KEY (`word`, `patient_id`)
);
--> statement-breakpoint
CREATE INDEX `patient_name_words_patient` ON `patient_name_words` (`patient_id`, `word`);
--> statement-breakpoint
-- The distinct name words in use (a few thousand), read by the one-typo check instead of every patient.
CREATE TABLE `name_vocabulary` (
	`word` text PRIMARY KEY NOT NULL,
	`reversed` text NOT NULL,
	`uses` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `name_vocabulary_reversed` ON `name_vocabulary` (`reversed`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `patient_search_fts` USING fts5(
	name_fold, email,
	content='patient_search', content_rowid='patient_id',
	tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `patient_search_fts_insert` AFTER INSERT ON `patient_search` BEGIN
	INSERT INTO patient_search_fts (rowid, name_fold, email) VALUES (new.patient_id, new.name_fold, new.email);
END;
--> statement-breakpoint
CREATE TRIGGER `patient_search_fts_delete` AFTER DELETE ON `patient_search` BEGIN
	INSERT INTO patient_search_fts (patient_search_fts, rowid, name_fold, email) VALUES ('delete', old.patient_id, old.name_fold, old.email);
END;
--> statement-breakpoint
CREATE TRIGGER `patient_search_fts_update` AFTER UPDATE ON `patient_search` BEGIN
	INSERT INTO patient_search_fts (patient_search_fts, rowid, name_fold, email) VALUES ('delete', old.patient_id, old.name_fold, old.email);
	INSERT INTO patient_search_fts (rowid, name_fold, email) VALUES (new.patient_id, new.name_fold, new.email);
END;
--> statement-breakpoint
CREATE TRIGGER `patient_name_words_vocabulary_insert` AFTER INSERT ON `patient_name_words` BEGIN
	INSERT INTO name_vocabulary (word, reversed, uses) VALUES (new.word, anteroom_reverse(new.word), 1)
		ON CONFLICT (word) DO UPDATE SET uses = uses + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `patient_name_words_vocabulary_delete` AFTER DELETE ON `patient_name_words` BEGIN
	UPDATE name_vocabulary SET uses = uses - 1 WHERE word = old.word;
	DELETE FROM name_vocabulary WHERE word = old.word AND uses <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_insert` AFTER INSERT ON `patients` BEGIN
	INSERT INTO patient_search (patient_id, name_fold, phone_digits, phone_rev, email, mrn_number, dob)
	VALUES (
		new.id,
		anteroom_name_fold(new.first_name, new.last_name),
		replace(new.phone, '+', ''),
		anteroom_reverse(replace(new.phone, '+', '')),
		lower(new.email),
		CAST(substr(new.mrn, 3) AS INTEGER),
		new.date_of_birth
	);
	INSERT INTO patient_name_words (word, patient_id)
		SELECT value, new.id FROM json_each(anteroom_name_words(new.first_name, new.last_name));
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_update` AFTER UPDATE OF first_name, last_name, phone, email, mrn, date_of_birth ON `patients` BEGIN
	UPDATE patient_search SET
		name_fold = anteroom_name_fold(new.first_name, new.last_name),
		phone_digits = replace(new.phone, '+', ''),
		phone_rev = anteroom_reverse(replace(new.phone, '+', '')),
		email = lower(new.email),
		mrn_number = CAST(substr(new.mrn, 3) AS INTEGER),
		dob = new.date_of_birth
	WHERE patient_id = new.id;
	DELETE FROM patient_name_words WHERE patient_id = old.id;
	INSERT INTO patient_name_words (word, patient_id)
		SELECT value, new.id FROM json_each(anteroom_name_words(new.first_name, new.last_name));
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_delete` AFTER DELETE ON `patients` BEGIN
	DELETE FROM patient_search WHERE patient_id = old.id;
	DELETE FROM patient_name_words WHERE patient_id = old.id;
END;
--> statement-breakpoint
-- Backfill the patients registered before this migration (the triggers above fill FTS and vocabulary).
INSERT INTO patient_search (patient_id, name_fold, phone_digits, phone_rev, email, mrn_number, dob)
	SELECT id, anteroom_name_fold(first_name, last_name), replace(phone, '+', ''), anteroom_reverse(replace(phone, '+', '')),
		lower(email), CAST(substr(mrn, 3) AS INTEGER), date_of_birth
	FROM patients;
--> statement-breakpoint
INSERT INTO patient_name_words (word, patient_id)
	SELECT j.value, p.id FROM patients p, json_each(anteroom_name_words(p.first_name, p.last_name)) j;
--> statement-breakpoint
-- A merged-away patient stays (archived) and points at the record it was merged into.
CREATE TABLE `patient_merges` (
	`merged_id` integer PRIMARY KEY NOT NULL,
	`kept_id` integer NOT NULL,
	`merged_at` text NOT NULL,
	`merged_by` integer,
	FOREIGN KEY (`merged_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kept_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_merges_kept` ON `patient_merges` (`kept_id`);
