-- The calendar badges every block paid / part paid / unpaid / waiting / refunded. Reading each block's payment
-- rows (a LEFT JOIN on payments, 3 values per row, one row per payment) cost ~0.3 ms of a 10-doctor week at
-- 1,000,000 appointments, more in a clinic where most visits were paid. appointment_payment_sums (previous
-- migration) keeps per appointment the three numbers the state follows from — the same rule as
-- src/main/payments/appointment-states.ts (paymentStatesOf):
-- * received = amounts of non-refund rows that are paid, partially_refunded or refunded;
-- * refunded = amounts of refund rows that are refunded;
-- * waiting  = 1 while a Stripe link row is pending_link.
-- Kept exact by recounting the appointment's own payment rows (one short walk of payments_appointment) whenever
-- one of them is added, removed, or changes appointment, kind, status or amount. Appointments without payment rows
-- have no row here (the calendar reads that as all zeros, which is what paymentStatesOf computes for them).
-- (Like the patient_activity triggers, these must be recreated by any migration that rebuilds payments.)
INSERT INTO `appointment_payment_sums` (`appointment_id`, `received`, `refunded`, `waiting`)
SELECT `appointment_id`,
	coalesce(sum(CASE WHEN `kind` != 'refund' AND `status` IN ('paid', 'partially_refunded', 'refunded') THEN `amount` END), 0),
	coalesce(sum(CASE WHEN `kind` = 'refund' AND `status` = 'refunded' THEN `amount` END), 0),
	max(`kind` = 'stripe_link' AND `status` = 'pending_link')
FROM `payments` GROUP BY `appointment_id`;
--> statement-breakpoint
CREATE TRIGGER `appointment_payment_sums_insert` AFTER INSERT ON `payments`
BEGIN
	INSERT INTO `appointment_payment_sums` (`appointment_id`) SELECT NEW.`appointment_id`
	WHERE NOT EXISTS (SELECT 1 FROM `appointment_payment_sums` WHERE `appointment_id` = NEW.`appointment_id`);
	UPDATE `appointment_payment_sums` SET (`received`, `refunded`, `waiting`) = (SELECT
			coalesce(sum(CASE WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount` END), 0),
			coalesce(sum(CASE WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN y.`amount` END), 0),
			coalesce(max(y.`kind` = 'stripe_link' AND y.`status` = 'pending_link'), 0)
		FROM `payments` y WHERE y.`appointment_id` = NEW.`appointment_id`)
	WHERE `appointment_id` = NEW.`appointment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_payment_sums_update` AFTER UPDATE OF `appointment_id`, `kind`, `status`, `amount` ON `payments`
WHEN OLD.`appointment_id` IS NOT NEW.`appointment_id` OR OLD.`kind` IS NOT NEW.`kind` OR OLD.`status` IS NOT NEW.`status`
	OR OLD.`amount` IS NOT NEW.`amount`
BEGIN
	INSERT INTO `appointment_payment_sums` (`appointment_id`) SELECT NEW.`appointment_id`
	WHERE NOT EXISTS (SELECT 1 FROM `appointment_payment_sums` WHERE `appointment_id` = NEW.`appointment_id`);
	UPDATE `appointment_payment_sums` SET (`received`, `refunded`, `waiting`) = (SELECT
			coalesce(sum(CASE WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount` END), 0),
			coalesce(sum(CASE WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN y.`amount` END), 0),
			coalesce(max(y.`kind` = 'stripe_link' AND y.`status` = 'pending_link'), 0)
		FROM `payments` y WHERE y.`appointment_id` = `appointment_payment_sums`.`appointment_id`)
	WHERE `appointment_id` IN (OLD.`appointment_id`, NEW.`appointment_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_payment_sums_delete` AFTER DELETE ON `payments`
BEGIN
	UPDATE `appointment_payment_sums` SET (`received`, `refunded`, `waiting`) = (SELECT
			coalesce(sum(CASE WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount` END), 0),
			coalesce(sum(CASE WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN y.`amount` END), 0),
			coalesce(max(y.`kind` = 'stripe_link' AND y.`status` = 'pending_link'), 0)
		FROM `payments` y WHERE y.`appointment_id` = OLD.`appointment_id`)
	WHERE `appointment_id` = OLD.`appointment_id`;
END;
