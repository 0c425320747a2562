CREATE TABLE `calendar_patients` (
	`patient_id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`has_allergies` integer NOT NULL,
	`first_visit_at` integer
);
