-- The rollup of what was logged before V59 (all in slot 0), cut into UTC hours.
INSERT INTO activity_count (hour_start, person_id, type, department, slot, n)
SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', person_id, type, 'NONE', 0, COUNT(*)
FROM activity
GROUP BY date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', person_id, type;
