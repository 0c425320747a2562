DROP TABLE `appointment_payment_sums`;--> statement-breakpoint
ALTER TABLE `appointments` ADD `payments_received` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `payments_refunded` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `payment_link_waiting` integer DEFAULT 0 NOT NULL;