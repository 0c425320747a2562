-- calendar_patients' triggers went in 0028; the week view falls back to the patients row (scheduling/queries.ts).
DROP TABLE `calendar_patients`;