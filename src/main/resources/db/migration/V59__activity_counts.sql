-- The department the person was in when the activity was logged (goals and insights compare
-- departments as they were). NULL for activities logged before: the rebuild job fills those in.
ALTER TABLE activity ADD COLUMN department VARCHAR(20);

-- The activity counts rollup: how many activities per UTC hour x person x type x department, kept
-- in the transaction that logs, corrects or removes an activity. An hour, not a day, because a day
-- is a day in some zone: whole hours add up to the days, weeks and months of any zone with a
-- whole-hour offset, and the few hours a zone's boundary cuts are counted from the log itself.
-- Each key is spread over 8 slots (by activity id) so that many activities of one person, type
-- and hour logged at once do not all wait on one row; a count is the sum over its slots (a single
-- slot may go below zero after a rebuild, the sum never does). department is NONE when unknown.
CREATE TABLE activity_count (
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    person_id  UUID        NOT NULL,
    type       VARCHAR(20) NOT NULL,
    department VARCHAR(20) NOT NULL,
    slot       SMALLINT    NOT NULL,
    n          BIGINT      NOT NULL,
    PRIMARY KEY (hour_start, person_id, type, department, slot)
);
CREATE INDEX activity_count_person_idx ON activity_count (person_id, hour_start);
