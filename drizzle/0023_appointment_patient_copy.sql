ALTER TABLE `appointments` ADD `patient_name` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `patient_allergies` integer;--> statement-breakpoint
ALTER TABLE `appointments` ADD `patient_first_visit_at` integer;