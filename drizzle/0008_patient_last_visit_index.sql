-- Search results show each patient's last visit. Without status in an index, finding the latest appointment
-- that was not cancelled or missed reads every appointment row of the patient from the table; with status in
-- this index the lookup never leaves it. (It extends appointments_patient_start, which the scheduling owners
-- may drop in favour of this one.)
CREATE INDEX `appointments_patient_visits` ON `appointments` (`patient_id`, `starts_at`, `status`);
