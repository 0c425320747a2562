-- A new booking's payment link is planned right after its commit, by the job runner's next look
-- (src/main/payments/link-queue.ts), which plans every appointment past this mark. Every appointment already here
-- was planned inside its own booking (or, like the sample schedule, was never to be), so the mark starts at the newest.
INSERT INTO `settings` (`key`, `value`, `updated_at`)
SELECT 'payments.links.plannedThrough', coalesce(MAX(`id`), 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `appointments` WHERE true
ON CONFLICT(`key`) DO NOTHING;
