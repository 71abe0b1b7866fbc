-- One smart-keting score per week (Monday to Sunday, UTC), taken by the weekly job once the week
-- is over, with each component as it was scored then; a week is taken once.
CREATE TABLE insight_score_snapshot (
    week_start DATE          NOT NULL PRIMARY KEY,
    score      DECIMAL(6, 2),
    taken_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE insight_score_snapshot_part (
    week_start       DATE           NOT NULL REFERENCES insight_score_snapshot (week_start) ON DELETE CASCADE,
    component_key    VARCHAR(40)    NOT NULL,
    weight           INTEGER        NOT NULL,
    measured         DOUBLE PRECISION,
    target           DECIMAL(12, 4) NOT NULL,
    effective_weight DOUBLE PRECISION NOT NULL,
    points           DOUBLE PRECISION,
    PRIMARY KEY (week_start, component_key)
);
