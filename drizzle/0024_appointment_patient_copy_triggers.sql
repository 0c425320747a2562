-- The patient as a day-book block shows them (name, allergy flag, first visit), copied onto each appointment, so the
-- week view reads one table: looking up ~1,100 calendar_patients rows was ~0.7 ms of a 10-doctor week at 1,000,000
-- appointments. Kept by triggers: filled when an appointment is booked or moved to another patient (a merge), and
-- rewritten on the patient's appointments when their name, allergies or first visit change (first_visit_at is itself
-- kept by 0015's triggers; whichever of these runs first, the propagation below leaves every copy current).
-- A NULL copy (a row written before these triggers) makes the calendar read the patient instead.
-- (Like the other derived data's triggers, these must be recreated by any migration that rebuilds patients or appointments.)
UPDATE `appointments` SET (`patient_name`, `patient_allergies`, `patient_first_visit_at`) =
	(SELECT p.`first_name` || ' ' || p.`last_name`, p.`allergies` IS NOT NULL, p.`first_visit_at` FROM `patients` p WHERE p.`id` = `appointments`.`patient_id`);
--> statement-breakpoint
CREATE TRIGGER `appointments_patient_copy_booked` AFTER INSERT ON `appointments`
BEGIN
	UPDATE `appointments` SET (`patient_name`, `patient_allergies`, `patient_first_visit_at`) =
		(SELECT p.`first_name` || ' ' || p.`last_name`, p.`allergies` IS NOT NULL, p.`first_visit_at` FROM `patients` p WHERE p.`id` = NEW.`patient_id`)
	WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_patient_copy_moved` AFTER UPDATE OF `patient_id` ON `appointments`
WHEN OLD.`patient_id` IS NOT NEW.`patient_id`
BEGIN
	UPDATE `appointments` SET (`patient_name`, `patient_allergies`, `patient_first_visit_at`) =
		(SELECT p.`first_name` || ' ' || p.`last_name`, p.`allergies` IS NOT NULL, p.`first_visit_at` FROM `patients` p WHERE p.`id` = NEW.`patient_id`)
	WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_patient_copy_named` AFTER UPDATE OF `first_name`, `last_name`, `allergies` ON `patients`
WHEN OLD.`first_name` IS NOT NEW.`first_name` OR OLD.`last_name` IS NOT NEW.`last_name`
	OR (OLD.`allergies` IS NULL) IS NOT (NEW.`allergies` IS NULL)
BEGIN
	UPDATE `appointments` SET `patient_name` = NEW.`first_name` || ' ' || NEW.`last_name`, `patient_allergies` = NEW.`allergies` IS NOT NULL
	WHERE `patient_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_patient_copy_first_visit` AFTER UPDATE OF `first_visit_at` ON `patients`
WHEN OLD.`first_visit_at` IS NOT NEW.`first_visit_at`
BEGIN
	UPDATE `appointments` SET `patient_first_visit_at` = NEW.`first_visit_at` WHERE `patient_id` = NEW.`id`;
END;
