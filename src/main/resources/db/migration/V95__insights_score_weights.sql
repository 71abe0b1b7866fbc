-- The smart-keting score's weights and targets as an admin set them (none: the defaults apply),
-- and every change to them with who made it, when, and the whole set before and after (JSON text).
CREATE TABLE insight_score_weight (
    component_key VARCHAR(40)    NOT NULL PRIMARY KEY,
    weight        INTEGER        NOT NULL,
    target        DECIMAL(12, 4) NOT NULL
);

CREATE TABLE insight_score_weight_change (
    id            UUID         NOT NULL PRIMARY KEY,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by_id UUID,
    changed_by    VARCHAR(320) NOT NULL,
    before_state  TEXT         NOT NULL,
    after_state   TEXT         NOT NULL
);

CREATE INDEX insight_score_weight_change_at ON insight_score_weight_change (changed_at);
