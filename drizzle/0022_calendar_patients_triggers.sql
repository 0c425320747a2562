-- calendar_patients (previous migration) holds what a calendar block shows of its patient, so the week view joins a
-- narrow row instead of the wide patients row (measured: ~0.4 ms of a 10-doctor week at 1,000,000 appointments).
-- A row exists for every patient who has an appointment: made by the booking (or the move of an appointment to the
-- patient, as a merge does), kept in step with the patient's name, allergies and first_visit_at (itself kept by
-- 0015's triggers), removed with the patient. Registering a patient (a CSV import too) writes nothing here.
-- The calendar still falls back to the patients row if one were missing, so a block can never vanish.
-- (Like the other derived tables' triggers, these must be recreated by any migration that rebuilds patients or appointments.)
INSERT INTO `calendar_patients` (`patient_id`, `name`, `has_allergies`, `first_visit_at`)
SELECT p.`id`, p.`first_name` || ' ' || p.`last_name`, p.`allergies` IS NOT NULL, p.`first_visit_at` FROM `patients` p
WHERE EXISTS (SELECT 1 FROM `appointments` a WHERE a.`patient_id` = p.`id`);
--> statement-breakpoint
CREATE TRIGGER `calendar_patients_booked` AFTER INSERT ON `appointments`
WHEN NOT EXISTS (SELECT 1 FROM `calendar_patients` WHERE `patient_id` = NEW.`patient_id`)
BEGIN
	INSERT INTO `calendar_patients` (`patient_id`, `name`, `has_allergies`, `first_visit_at`)
	SELECT `id`, `first_name` || ' ' || `last_name`, `allergies` IS NOT NULL, `first_visit_at` FROM `patients` WHERE `id` = NEW.`patient_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `calendar_patients_moved` AFTER UPDATE OF `patient_id` ON `appointments`
WHEN NOT EXISTS (SELECT 1 FROM `calendar_patients` WHERE `patient_id` = NEW.`patient_id`)
BEGIN
	INSERT INTO `calendar_patients` (`patient_id`, `name`, `has_allergies`, `first_visit_at`)
	SELECT `id`, `first_name` || ' ' || `last_name`, `allergies` IS NOT NULL, `first_visit_at` FROM `patients` WHERE `id` = NEW.`patient_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `calendar_patients_named` AFTER UPDATE OF `first_name`, `last_name`, `allergies` ON `patients`
WHEN OLD.`first_name` IS NOT NEW.`first_name` OR OLD.`last_name` IS NOT NEW.`last_name`
	OR (OLD.`allergies` IS NULL) IS NOT (NEW.`allergies` IS NULL)
BEGIN
	UPDATE `calendar_patients` SET `name` = NEW.`first_name` || ' ' || NEW.`last_name`, `has_allergies` = NEW.`allergies` IS NOT NULL
	WHERE `patient_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `calendar_patients_first_visit` AFTER UPDATE OF `first_visit_at` ON `patients`
WHEN OLD.`first_visit_at` IS NOT NEW.`first_visit_at`
BEGIN
	UPDATE `calendar_patients` SET `first_visit_at` = NEW.`first_visit_at` WHERE `patient_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `calendar_patients_removed` AFTER DELETE ON `patients`
BEGIN
	DELETE FROM `calendar_patients` WHERE `patient_id` = OLD.`id`;
END;
