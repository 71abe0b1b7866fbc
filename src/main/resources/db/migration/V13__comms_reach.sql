-- How each person asked to be reached: verified contact methods, expectations per urgency with
-- quiet hours, and off-grid periods with a delegate. A person without an expectations row gets the
-- defaults (see comms/reach/DefaultExpectations) and is prompted to confirm them.
CREATE TABLE comms_contact_method (
    id               UUID PRIMARY KEY,
    person_id        UUID NOT NULL REFERENCES person (id),
    kind             VARCHAR(10)  NOT NULL,
    address          VARCHAR(500) NOT NULL,
    code_hash        VARCHAR(64),
    code_expires_at  TIMESTAMP WITH TIME ZONE,
    attempts_left    INT NOT NULL,
    verified_at      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT comms_contact_method_kind_ck CHECK (kind IN ('PHONE', 'CHAT')),
    CONSTRAINT comms_contact_method_one_ck UNIQUE (person_id, kind)
);

CREATE TABLE comms_expectations (
    person_id         UUID PRIMARY KEY REFERENCES person (id),
    urgent_channels   VARCHAR(60) NOT NULL,
    urgent_minutes    INT NOT NULL,
    normal_channels   VARCHAR(60) NOT NULL,
    normal_minutes    INT NOT NULL,
    fyi_channels      VARCHAR(60) NOT NULL,
    fyi_minutes       INT NOT NULL,
    quiet_from        TIME,
    quiet_until       TIME,
    confirmed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT comms_expectations_quiet_ck CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);

CREATE TABLE comms_off_grid (
    id               UUID PRIMARY KEY,
    person_id        UUID NOT NULL REFERENCES person (id),
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    delegate_id      UUID REFERENCES person (id),
    urgent_channels  VARCHAR(60) NOT NULL,
    normal_channels  VARCHAR(60) NOT NULL,
    fyi_channels     VARCHAR(60) NOT NULL,
    note             VARCHAR(200),
    CONSTRAINT comms_off_grid_order_ck CHECK (ends_at > starts_at)
);
CREATE INDEX comms_off_grid_person_idx ON comms_off_grid (person_id, ends_at);
CREATE INDEX comms_off_grid_ends_idx ON comms_off_grid (ends_at);
