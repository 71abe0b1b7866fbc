-- Each review of a goal: when it came due (the job told the owners), whether the sponsor was told
-- it was not held, and when it was held, by whom, leaving the goal at which version.
CREATE TABLE goal_review (
    goal_id      UUID NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    due_on       DATE NOT NULL,
    notified_at  TIMESTAMP WITH TIME ZONE,
    escalated_at TIMESTAMP WITH TIME ZONE,
    held_at      TIMESTAMP WITH TIME ZONE,
    held_by      UUID,
    held_version INT,
    note         VARCHAR(500),
    PRIMARY KEY (goal_id, due_on)
);
