-- Lighter patient-search triggers (replacing those of 0004), measured on a 100,000-row import:
-- * the name vocabulary only records words not seen before (one index probe per word) instead of counting
--   uses on every insert and delete — a word no patient has any more only costs the typo check a lookup
--   that finds nobody;
-- * an edit rewrites the name words only when a name changed, and the FTS row only when the folded name or
--   email changed (the register's update sets every column, changed or not).
DROP TRIGGER `patient_name_words_vocabulary_insert`;
--> statement-breakpoint
DROP TRIGGER `patient_name_words_vocabulary_delete`;
--> statement-breakpoint
CREATE TRIGGER `patient_name_words_vocabulary_insert` AFTER INSERT ON `patient_name_words`
WHEN NOT EXISTS (SELECT 1 FROM name_vocabulary WHERE word = new.word)
BEGIN
	INSERT INTO name_vocabulary (word, reversed, uses) VALUES (new.word, anteroom_reverse(new.word), 1);
END;
--> statement-breakpoint
DROP TRIGGER `patients_search_update`;
--> statement-breakpoint
CREATE TRIGGER `patients_search_update` AFTER UPDATE OF first_name, last_name, phone, email, mrn, date_of_birth ON `patients`
WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name OR old.phone IS NOT new.phone
	OR old.email IS NOT new.email OR old.mrn IS NOT new.mrn OR old.date_of_birth IS NOT new.date_of_birth
BEGIN
	UPDATE patient_search SET
		name_fold = anteroom_name_fold(new.first_name, new.last_name),
		phone_digits = replace(new.phone, '+', ''),
		phone_rev = anteroom_reverse(replace(new.phone, '+', '')),
		email = lower(new.email),
		mrn_number = CAST(substr(new.mrn, 3) AS INTEGER),
		dob = new.date_of_birth
	WHERE patient_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_words_update` AFTER UPDATE OF first_name, last_name ON `patients`
WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name
BEGIN
	DELETE FROM patient_name_words WHERE patient_id = old.id;
	INSERT INTO patient_name_words (word, patient_id)
		SELECT value, new.id FROM json_each(anteroom_name_words(new.first_name, new.last_name));
END;
--> statement-breakpoint
DROP TRIGGER `patient_search_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `patient_search_fts_update` AFTER UPDATE ON `patient_search`
WHEN old.name_fold IS NOT new.name_fold OR old.email IS NOT new.email
BEGIN
	INSERT INTO patient_search_fts (patient_search_fts, rowid, name_fold, email) VALUES ('delete', old.patient_id, old.name_fold, old.email);
	INSERT INTO patient_search_fts (rowid, name_fold, email) VALUES (new.patient_id, new.name_fold, new.email);
END;
