-- The booking now writes the patient's day-book copy (name, allergy flag, first visit: 0024) with the appointment row
-- itself, from the patient row it reads anyway. The insert trigger used to rewrite the just-inserted row (a second
-- seek and write of it in every booking); it now fills the copy only for rows inserted without it (imports, sample
-- data, older code paths), so no insert can leave a block without its patient.
DROP TRIGGER IF EXISTS `appointments_patient_copy_booked`;
--> statement-breakpoint
CREATE TRIGGER `appointments_patient_copy_booked` AFTER INSERT ON `appointments`
WHEN NEW.`patient_name` IS NULL
BEGIN
	UPDATE `appointments` SET (`patient_name`, `patient_allergies`, `patient_first_visit_at`) =
		(SELECT p.`first_name` || ' ' || p.`last_name`, p.`allergies` IS NOT NULL, p.`first_visit_at` FROM `patients` p WHERE p.`id` = NEW.`patient_id`)
	WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- calendar_patients (0021–0022) has been only the week view's fallback since every appointment carries the copy
-- (0024); the patients row is the fallback now. Its triggers cost every booking a lookup (and a patient's first
-- booking two more pages) and every rename a second write. Triggers first: they name the table the next migration drops.
DROP TRIGGER IF EXISTS `calendar_patients_booked`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `calendar_patients_moved`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `calendar_patients_named`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `calendar_patients_first_visit`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `calendar_patients_removed`;
