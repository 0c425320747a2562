ALTER TABLE `patients` ADD `first_visit_at` integer;--> statement-breakpoint
-- The day book badges a patient's first visit ("New patient"). Asking appointments for an earlier kept visit costs
-- an index seek per block (~1 ms over a 10-doctor week at 1,000,000 appointments); patients.first_visit_at keeps the
-- answer on the patient row the calendar already joins, so a block is a first visit when its start is not after it.
-- first_visit_at = the earliest appointment of the patient that is not cancelled or missed (NULL if none). Kept exact:
-- a new kept appointment can only move it earlier; a change of start, patient or kept-ness, or a delete, recomputes
-- the patients involved from appointments_patient_visits (one short index walk each).
-- (Like the search, patient_counts and patient_activity triggers, these must be recreated by any migration that
-- rebuilds patients or appointments.)
UPDATE `patients` SET `first_visit_at` = (SELECT min(a.`starts_at`) FROM `appointments` a
	WHERE a.`patient_id` = `patients`.`id` AND a.`status` NOT IN ('cancelled', 'no_show'));
--> statement-breakpoint
CREATE TRIGGER `patients_first_visit_insert` AFTER INSERT ON `appointments`
WHEN NEW.`status` NOT IN ('cancelled', 'no_show')
BEGIN
	UPDATE `patients` SET `first_visit_at` = NEW.`starts_at`
	WHERE `id` = NEW.`patient_id` AND (`first_visit_at` IS NULL OR `first_visit_at` > NEW.`starts_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_first_visit_update` AFTER UPDATE OF `patient_id`, `starts_at`, `status` ON `appointments`
WHEN OLD.`patient_id` IS NOT NEW.`patient_id` OR OLD.`starts_at` IS NOT NEW.`starts_at`
	OR (OLD.`status` IN ('cancelled', 'no_show')) IS NOT (NEW.`status` IN ('cancelled', 'no_show'))
BEGIN
	UPDATE `patients` SET `first_visit_at` = (SELECT min(a.`starts_at`) FROM `appointments` a
		WHERE a.`patient_id` = `patients`.`id` AND a.`status` NOT IN ('cancelled', 'no_show'))
	WHERE `id` IN (OLD.`patient_id`, NEW.`patient_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_first_visit_delete` AFTER DELETE ON `appointments`
BEGIN
	UPDATE `patients` SET `first_visit_at` = (SELECT min(a.`starts_at`) FROM `appointments` a
		WHERE a.`patient_id` = `patients`.`id` AND a.`status` NOT IN ('cancelled', 'no_show'))
	WHERE `id` = OLD.`patient_id`;
END;
