CREATE TABLE `appointment_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appointment_id` integer NOT NULL,
	`at` integer NOT NULL,
	`by` integer,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_history_appointment` ON `appointment_history` (`appointment_id`,`id`);--> statement-breakpoint
CREATE TABLE `appointment_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`every_weeks` integer NOT NULL,
	`until_date` text,
	`occurrences` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `appointment_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`fee` integer DEFAULT 0 NOT NULL,
	`mode` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "appointment_types_duration_ok" CHECK("appointment_types"."duration_minutes" BETWEEN 5 AND 720),
	CONSTRAINT "appointment_types_fee_ok" CHECK("appointment_types"."fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`type_id` integer,
	`mode` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`reason` text,
	`notes` text,
	`fee` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`arrived_at` integer,
	`cancelled_at` integer,
	`cancelled_by` integer,
	`cancel_reason` text,
	`override_double_booking` integer DEFAULT false NOT NULL,
	`override_by` integer,
	`series_id` integer,
	`series_index` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`type_id`) REFERENCES `appointment_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`override_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`series_id`) REFERENCES `appointment_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appointments_length_ok" CHECK("appointments"."ends_at" > "appointments"."starts_at" AND "appointments"."ends_at" - "appointments"."starts_at" <= 43200000),
	CONSTRAINT "appointments_fee_ok" CHECK("appointments"."fee" >= 0),
	CONSTRAINT "appointments_status_ok" CHECK("appointments"."status" IN ('booked', 'confirmed', 'arrived', 'in_consultation', 'completed', 'cancelled', 'no_show')),
	CONSTRAINT "appointments_mode_ok" CHECK("appointments"."mode" IN ('in_person', 'video'))
);
--> statement-breakpoint
CREATE INDEX `appointments_provider_start` ON `appointments` (`provider_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_patient_start` ON `appointments` (`patient_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_start` ON `appointments` (`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_series` ON `appointments` (`series_id`,`series_index`);--> statement-breakpoint
CREATE TABLE `provider_appointment_types` (
	`provider_id` integer NOT NULL,
	`type_id` integer NOT NULL,
	`duration_minutes` integer,
	`fee` integer,
	PRIMARY KEY(`provider_id`, `type_id`),
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`type_id`) REFERENCES `appointment_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`specialization` text,
	`years_of_experience` integer,
	`consultation_fee` integer DEFAULT 0 NOT NULL,
	`color` text NOT NULL,
	`staff_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "providers_fee_ok" CHECK("providers"."consultation_fee" >= 0)
);
--> statement-breakpoint
CREATE INDEX `providers_staff` ON `providers` (`staff_id`);--> statement-breakpoint
CREATE TABLE `time_off` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`reason` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "time_off_order_ok" CHECK("time_off"."starts_at" < "time_off"."ends_at")
);
--> statement-breakpoint
CREATE INDEX `time_off_provider` ON `time_off` (`provider_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `time_off_ends` ON `time_off` (`ends_at`);--> statement-breakpoint
CREATE TABLE `working_hours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`kind` text NOT NULL,
	`weekday` integer NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	`every_weeks` integer DEFAULT 1 NOT NULL,
	`anchor_date` text NOT NULL,
	`effective_from` text,
	`effective_until` text,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "working_hours_weekday_ok" CHECK("working_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "working_hours_minutes_ok" CHECK("working_hours"."start_minute" >= 0 AND "working_hours"."end_minute" <= 1440 AND "working_hours"."start_minute" < "working_hours"."end_minute"),
	CONSTRAINT "working_hours_every_ok" CHECK("working_hours"."every_weeks" BETWEEN 1 AND 12)
);
--> statement-breakpoint
CREATE INDEX `working_hours_provider` ON `working_hours` (`provider_id`,`weekday`);