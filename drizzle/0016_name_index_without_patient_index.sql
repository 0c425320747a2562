-- Cheaper writes for the name-word index of 0012: it no longer keeps a second index by patient. Only the
-- triggers read that one, to find a patient's rows on a rename or a delete; they now delete exactly the rows of
-- the old name's words, which the primary key (word, patient_id) finds. Measured on inserts through the triggers
-- (5,000-patient rounds, best of 14): about 5 µs less per patient, half of what carrying the folded name added.
-- A patient's rows are the words anteroom_name_words() gives for its name, so a change to how names are folded
-- must come with a migration that rebuilds patient_name_index (search would read stale words anyway).
DROP TRIGGER `patients_search_words_update`;
--> statement-breakpoint
DROP TRIGGER `patients_search_delete`;
--> statement-breakpoint
DROP INDEX `patient_name_index_patient`;
--> statement-breakpoint
CREATE TRIGGER `patients_search_words_update` AFTER UPDATE OF first_name, last_name ON `patients`
WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name
BEGIN
	DELETE FROM patient_name_index
		WHERE patient_id = old.id AND word IN (SELECT value FROM json_each(anteroom_name_words(old.first_name, old.last_name)));
	INSERT INTO patient_name_index (word, patient_id, spaced_name)
		SELECT j.value, new.id, ' ' || anteroom_name_fold(new.first_name, new.last_name) || ' '
		FROM json_each(anteroom_name_words(new.first_name, new.last_name)) j;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_search_delete` AFTER DELETE ON `patients` BEGIN
	DELETE FROM patient_search WHERE patient_id = old.id;
	DELETE FROM patient_name_index
		WHERE patient_id = old.id AND word IN (SELECT value FROM json_each(anteroom_name_words(old.first_name, old.last_name)));
END;
