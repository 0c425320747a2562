CREATE TABLE `appointment_payment_sums` (
	`appointment_id` integer PRIMARY KEY NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	`waiting` integer DEFAULT 0 NOT NULL
);
