CREATE TABLE `patient_activity` (
	`patient_id` integer PRIMARY KEY NOT NULL,
	`last_visit_ms` integer,
	`total_paid` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `patient_activity_last_visit` ON `patient_activity` (`last_visit_ms`,`patient_id`);--> statement-breakpoint
CREATE INDEX `patient_activity_total_paid` ON `patient_activity` (`total_paid`,`patient_id`);--> statement-breakpoint
CREATE TABLE `patient_activity_clock` (
	`id` integer PRIMARY KEY NOT NULL,
	`as_of_ms` integer NOT NULL
);
