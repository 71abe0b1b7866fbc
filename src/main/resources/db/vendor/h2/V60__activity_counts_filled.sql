-- The rollup of what was logged before V59 (all in slot 0), cut into UTC hours (every instant is
-- stored with offset +00, so truncating keeps it in UTC).
INSERT INTO activity_count (hour_start, person_id, type, department, slot, n)
SELECT DATE_TRUNC('HOUR', occurred_at AT TIME ZONE 'UTC'), person_id, type, 'NONE', 0, COUNT(*)
FROM activity
GROUP BY DATE_TRUNC('HOUR', occurred_at AT TIME ZONE 'UTC'), person_id, type;
