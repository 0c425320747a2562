-- No double-booking, guarded by the database itself: a provider never has two overlapping appointments
-- that are not cancelled / no-show, unless an administrator set override_double_booking on the new one.
-- The scan is bounded: appointments last at most 12 h (CHECK appointments_length_ok), so only rows starting
-- in (NEW.starts_at - 12 h, NEW.ends_at) can overlap; appointments_provider_start serves it as one index range.
-- Touching appointments (one ends exactly when the other starts) do not overlap.
CREATE TRIGGER appointments_no_double_booking_insert BEFORE INSERT ON appointments
WHEN NEW.override_double_booking = 0 AND NEW.status NOT IN ('cancelled', 'no_show')
BEGIN
  SELECT RAISE(ABORT, 'double_booking')
  WHERE EXISTS (
    SELECT 1 FROM appointments a
    WHERE a.provider_id = NEW.provider_id
      AND a.starts_at > NEW.starts_at - 43200000
      AND a.starts_at < NEW.ends_at
      AND a.ends_at > NEW.starts_at
      AND a.status NOT IN ('cancelled', 'no_show')
  );
END;
--> statement-breakpoint
-- On update only when the slot itself changes or the row becomes active again: a status step such as
-- booked -> arrived on an appointment next to an overridden one must not be refused.
CREATE TRIGGER appointments_no_double_booking_update
BEFORE UPDATE OF starts_at, ends_at, provider_id, status, override_double_booking ON appointments
WHEN NEW.override_double_booking = 0 AND NEW.status NOT IN ('cancelled', 'no_show')
  AND (NEW.starts_at <> OLD.starts_at OR NEW.ends_at <> OLD.ends_at OR NEW.provider_id <> OLD.provider_id
       OR OLD.status IN ('cancelled', 'no_show') OR OLD.override_double_booking = 1)
BEGIN
  SELECT RAISE(ABORT, 'double_booking')
  WHERE EXISTS (
    SELECT 1 FROM appointments a
    WHERE a.provider_id = NEW.provider_id
      AND a.starts_at > NEW.starts_at - 43200000
      AND a.starts_at < NEW.ends_at
      AND a.ends_at > NEW.starts_at
      AND a.status NOT IN ('cancelled', 'no_show')
      AND a.id <> NEW.id
  );
END;
--> statement-breakpoint
-- An appointment's history is a record of what happened: it is only ever appended to.
CREATE TRIGGER appointment_history_no_update BEFORE UPDATE ON appointment_history
BEGIN
  SELECT RAISE(ABORT, 'appointment_history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER appointment_history_no_delete BEFORE DELETE ON appointment_history
BEGIN
  SELECT RAISE(ABORT, 'appointment_history is append-only');
END;
