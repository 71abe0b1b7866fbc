-- What each import did to the leads, so that it can be undone: the leads it created, each lead it
-- changed as it was before (the whole row, once per import), and the touches it added.
CREATE TABLE lead_import_change (
    import_id  UUID        NOT NULL,
    lead_id    UUID        NOT NULL,
    change     VARCHAR(10) NOT NULL,
    before_row TEXT,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, lead_id)
);

CREATE TABLE lead_import_touch (
    import_id UUID NOT NULL,
    touch_id  UUID NOT NULL,
    PRIMARY KEY (import_id, touch_id)
);
