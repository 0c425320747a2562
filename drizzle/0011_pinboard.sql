CREATE TABLE `pinned_appointments` (
	`appointment_id` integer PRIMARY KEY NOT NULL,
	`pinned_by` integer NOT NULL,
	`pinned_at` integer NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pinned_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pinned_appointments_by` ON `pinned_appointments` (`pinned_by`,`pinned_at`);