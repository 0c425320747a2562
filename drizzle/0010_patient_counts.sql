-- How many patients are active and archived, kept by triggers: the dashboard shows the register's size on
-- every first page, and count(*) over 100,000 index entries costs more than the page itself.
-- (Like the search triggers, these must be recreated by any migration that rebuilds `patients`.)
CREATE TABLE `patient_counts` (
	`status` text PRIMARY KEY NOT NULL CHECK (`status` IN ('active', 'archived')),
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `patient_counts` (`status`, `n`)
SELECT 'active', count(*) FROM `patients` WHERE `archived_at` IS NULL
UNION ALL
SELECT 'archived', count(*) FROM `patients` WHERE `archived_at` IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `patient_counts_insert` AFTER INSERT ON `patients`
BEGIN
  UPDATE `patient_counts` SET `n` = `n` + 1 WHERE `status` = CASE WHEN NEW.`archived_at` IS NULL THEN 'active' ELSE 'archived' END;
END;
--> statement-breakpoint
CREATE TRIGGER `patient_counts_delete` AFTER DELETE ON `patients`
BEGIN
  UPDATE `patient_counts` SET `n` = `n` - 1 WHERE `status` = CASE WHEN OLD.`archived_at` IS NULL THEN 'active' ELSE 'archived' END;
END;
--> statement-breakpoint
CREATE TRIGGER `patient_counts_archive` AFTER UPDATE OF `archived_at` ON `patients`
WHEN (OLD.`archived_at` IS NULL) != (NEW.`archived_at` IS NULL)
BEGIN
  UPDATE `patient_counts` SET `n` = `n` + CASE WHEN `status` = 'active' THEN
      CASE WHEN NEW.`archived_at` IS NULL THEN 1 ELSE -1 END
    ELSE
      CASE WHEN NEW.`archived_at` IS NULL THEN -1 ELSE 1 END
    END;
END;
