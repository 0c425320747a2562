-- Every booking with a fee inserts a payment row (the Stripe link, pending_link), and patient_activity_paid_insert
-- (0014) then recounted the patient's total paid — which such a row cannot change — rewriting the patient's
-- patient_activity row and its total_paid index entry inside the booking's commit. Only a row that counts
-- (money taken, or a refund made) can change the total; any other insert leaves it exactly as it was.
-- Same body as 0014; only the WHEN is new.
DROP TRIGGER `patient_activity_paid_insert`;
--> statement-breakpoint
CREATE TRIGGER `patient_activity_paid_insert` AFTER INSERT ON `payments`
WHEN (NEW.`kind` != 'refund' AND NEW.`status` IN ('paid', 'partially_refunded', 'refunded'))
	OR (NEW.`kind` = 'refund' AND NEW.`status` = 'refunded')
BEGIN
	UPDATE `patient_activity` SET `total_paid` = (SELECT coalesce(sum(CASE
			WHEN y.`kind` != 'refund' AND y.`status` IN ('paid', 'partially_refunded', 'refunded') THEN y.`amount`
			WHEN y.`kind` = 'refund' AND y.`status` = 'refunded' THEN -y.`amount`
			ELSE 0 END), 0)
		FROM `payments` y WHERE y.`patient_id` = `patient_activity`.`patient_id` AND y.`currency` = (SELECT `currency` FROM `clinic` WHERE `id` = 1))
	WHERE `patient_id` = NEW.`patient_id`;
END;
