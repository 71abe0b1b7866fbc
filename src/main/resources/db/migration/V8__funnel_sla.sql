-- The handoff SLA: the agreement in versions, who signed each, the clocks that run per lead, and
-- db-scheduler's table for the persistent warning and breach jobs.
CREATE TABLE sla_agreement (
    version             INT PRIMARY KEY,
    accept_hours        INT NOT NULL,
    first_contact_hours INT NOT NULL,
    mqls_per_month      INT NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_id       UUID,
    created_by_label    VARCHAR(254) NOT NULL
);

CREATE TABLE sla_signature (
    version       INT NOT NULL REFERENCES sla_agreement (version),
    department    VARCHAR(20) NOT NULL,
    person_id     UUID NOT NULL,
    person_name   VARCHAR(120) NOT NULL,
    signed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (version, department)
);

-- One row per run of a clock: a reassignment stops the run and starts the next for the new owner.
CREATE TABLE lead_sla_clock (
    lead_id      UUID NOT NULL REFERENCES lead (id),
    clock        VARCHAR(20) NOT NULL,
    run          INT NOT NULL,
    owner_id     UUID NOT NULL,
    work_minutes INT NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    warn_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE,
    outcome      VARCHAR(20),
    warned_at    TIMESTAMP WITH TIME ZONE,
    breached_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (lead_id, clock, run)
);
CREATE INDEX lead_sla_clock_started_idx ON lead_sla_clock (started_at, owner_id);
CREATE INDEX lead_sla_clock_running_idx ON lead_sla_clock (lead_id, stopped_at);

-- db-scheduler's table, from its published PostgreSQL definition; TEXT became VARCHAR because H2
-- cannot index TEXT (a CLOB there), and the index names carry the table's name.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(200) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
