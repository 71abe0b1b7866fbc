-- The activities an import of activities created (their ids in the activity log), for its undo.
CREATE TABLE import_activity (
    import_id   UUID NOT NULL REFERENCES import_job (id),
    activity_id UUID NOT NULL,
    PRIMARY KEY (import_id, activity_id)
);
