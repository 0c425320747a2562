-- Each appointment carries what its payment rows add up to (columns added by the previous migration), replacing
-- appointment_payment_sums (dropped there): a booking's new payment link then writes no page of a second table, and
-- the calendar's week view reads each block's payment state from the appointment row it already reads. The rule is
-- the one of src/main/payments/appointment-states.ts (paymentStatesOf):
-- * payments_received    = amounts of non-refund rows that are paid, partially_refunded or refunded;
-- * payments_refunded    = amounts of refund rows that are refunded;
-- * payment_link_waiting = 1 while a Stripe link row is pending_link.
-- Kept exact by recounting the appointment's own payment rows (one short walk of payments_appointment) whenever one
-- of them is added, removed, or changes appointment, kind, status or amount. The triggers update only these three
-- columns, which no trigger on appointments watches.
-- (Like the patient_activity triggers, these must be recreated by any migration that rebuilds payments.)
DROP TRIGGER IF EXISTS `appointment_payment_sums_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `appointment_payment_sums_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `appointment_payment_sums_delete`;
--> statement-breakpoint
UPDATE `appointments` SET (`payments_received`, `payments_refunded`, `payment_link_waiting`) = (SELECT
		coalesce(sum(CASE WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount` END), 0),
		coalesce(sum(CASE WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN y.`amount` END), 0),
		coalesce(max(y.`kind` = 'stripe_link' AND y.`status` = 'pending_link'), 0)
	FROM `payments` y WHERE y.`appointment_id` = `appointments`.`id`)
WHERE `id` IN (SELECT `appointment_id` FROM `payments`);
--> statement-breakpoint
CREATE TRIGGER `appointment_payment_totals_insert` AFTER INSERT ON `payments`
BEGIN
	UPDATE `appointments` SET (`payments_received`, `payments_refunded`, `payment_link_waiting`) = (SELECT
			coalesce(sum(CASE WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount` END), 0),
			coalesce(sum(CASE WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN y.`amount` END), 0),
			coalesce(max(y.`kind` = 'stripe_link' AND y.`status` = 'pending_link'), 0)
		FROM `payments` y WHERE y.`appointment_id` = NEW.`appointment_id`)
	WHERE `id` = NEW.`appointment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_payment_totals_update` AFTER UPDATE OF `appointment_id`, `kind`, `status`, `amount` ON `payments`
WHEN OLD.`appointment_id` IS NOT NEW.`appointment_id` OR OLD.`kind` IS NOT NEW.`kind` OR OLD.`status` IS NOT NEW.`status`
	OR OLD.`amount` IS NOT NEW.`amount`
BEGIN
	UPDATE `appointments` SET (`payments_received`, `payments_refunded`, `payment_link_waiting`) = (SELECT
			coalesce(sum(CASE WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount` END), 0),
			coalesce(sum(CASE WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN y.`amount` END), 0),
			coalesce(max(y.`kind` = 'stripe_link' AND y.`status` = 'pending_link'), 0)
		FROM `payments` y WHERE y.`appointment_id` = `appointments`.`id`)
	WHERE `id` IN (OLD.`appointment_id`, NEW.`appointment_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_payment_totals_delete` AFTER DELETE ON `payments`
BEGIN
	UPDATE `appointments` SET (`payments_received`, `payments_refunded`, `payment_link_waiting`) = (SELECT
			coalesce(sum(CASE WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount` END), 0),
			coalesce(sum(CASE WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN y.`amount` END), 0),
			coalesce(max(y.`kind` = 'stripe_link' AND y.`status` = 'pending_link'), 0)
		FROM `payments` y WHERE y.`appointment_id` = OLD.`appointment_id`)
	WHERE `id` = OLD.`appointment_id`;
END;
