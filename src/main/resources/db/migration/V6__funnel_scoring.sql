-- Lead scoring: fit rules on a lead's fields, engagement rules per activity type with a half-life,
-- the MQL threshold, and every engagement so a score can be recomputed with decay at any time.
CREATE TABLE scoring_fit_rule (
    id             UUID PRIMARY KEY,
    position       INT NOT NULL,
    match_field    VARCHAR(20) NOT NULL,
    match_operator VARCHAR(20) NOT NULL,
    match_value    VARCHAR(200),
    points         INT NOT NULL
);

CREATE TABLE scoring_engagement_rule (
    activity_type  VARCHAR(40) PRIMARY KEY,
    position       INT NOT NULL,
    points         INT NOT NULL,
    half_life_days INT NOT NULL,
    CONSTRAINT scoring_engagement_half_life_ck CHECK (half_life_days > 0)
);

CREATE TABLE scoring_settings (
    id             INT PRIMARY KEY,
    mql_threshold  INT NOT NULL,
    CONSTRAINT scoring_settings_one_row_ck CHECK (id = 1)
);
INSERT INTO scoring_settings (id, mql_threshold) VALUES (1, 50);

CREATE TABLE lead_engagement (
    id            UUID PRIMARY KEY,
    lead_id       UUID NOT NULL REFERENCES lead (id),
    activity_type VARCHAR(40) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX lead_engagement_lead_idx ON lead_engagement (lead_id, occurred_at);

INSERT INTO scoring_fit_rule (id, position, match_field, match_operator, match_value, points) VALUES
    ('7a2c0b10-0000-4000-8000-000000000001', 1, 'COMPANY', 'PRESENT', NULL, 10),
    ('7a2c0b10-0000-4000-8000-000000000002', 2, 'TITLE', 'CONTAINS', 'head', 10),
    ('7a2c0b10-0000-4000-8000-000000000003', 3, 'TITLE', 'CONTAINS', 'director', 10),
    ('7a2c0b10-0000-4000-8000-000000000004', 4, 'TITLE', 'CONTAINS', 'student', -20),
    ('7a2c0b10-0000-4000-8000-000000000005', 5, 'SOURCE', 'IN', 'demo request,contact form', 15),
    ('7a2c0b10-0000-4000-8000-000000000006', 6, 'TAG', 'EQUALS', 'competitor', -50);

INSERT INTO scoring_engagement_rule (activity_type, position, points, half_life_days) VALUES
    ('TOUCH', 1, 5, 30),
    ('EMAIL', 2, 3, 14),
    ('CONTENT', 3, 5, 30),
    ('CAMPAIGN', 4, 5, 30),
    ('WEBINAR', 5, 15, 45),
    ('EVENT', 6, 15, 60),
    ('CALL', 7, 10, 30),
    ('MEETING', 8, 20, 60),
    ('DEMO', 9, 30, 60);
