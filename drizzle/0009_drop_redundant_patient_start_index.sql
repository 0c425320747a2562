-- appointments_patient_visits (patient_id, starts_at, status), added for search's last visits in 0008, serves every
-- (patient_id, starts_at) lookup this index did (a patient's appointments, the patient-overlap warning): one index less to write per booking.
DROP INDEX `appointments_patient_start`;