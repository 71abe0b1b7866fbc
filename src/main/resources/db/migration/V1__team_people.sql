-- People and the teams that mix departments.
CREATE TABLE person (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    department    VARCHAR(20)  NOT NULL,
    app_role      VARCHAR(20)  NOT NULL,
    job_role      VARCHAR(80),
    time_zone     VARCHAR(60)  NOT NULL,
    work_start    TIME         NOT NULL,
    work_end      TIME         NOT NULL,
    work_days     VARCHAR(30)  NOT NULL,
    manager_id    UUID REFERENCES person (id),
    password_hash VARCHAR(100),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT person_email_uq UNIQUE (email)
);
CREATE INDEX person_department_idx ON person (department, display_name);

CREATE TABLE team (
    id          UUID PRIMARY KEY,
    name        VARCHAR(80)  NOT NULL,
    name_key    VARCHAR(240) NOT NULL,
    description VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT team_name_uq UNIQUE (name_key)
);

CREATE TABLE team_member (
    team_id   UUID NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES person (id),
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_member_person_idx ON team_member (person_id);
