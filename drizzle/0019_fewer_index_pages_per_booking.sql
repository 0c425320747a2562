DROP INDEX `appointments_series`;--> statement-breakpoint
CREATE INDEX `appointments_series` ON `appointments` (`series_id`,`series_index`) WHERE "appointments"."series_id" IS NOT NULL;--> statement-breakpoint
DROP INDEX `payments_receipt_number_unique`;--> statement-breakpoint
DROP INDEX `payments_paid_at`;--> statement-breakpoint
DROP INDEX `payments_refund_of`;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt_number_unique` ON `payments` (`receipt_number`) WHERE "payments"."receipt_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `payments_paid_at` ON `payments` (`paid_at`) WHERE "payments"."paid_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `payments_refund_of` ON `payments` (`refund_of`) WHERE "payments"."refund_of" IS NOT NULL;