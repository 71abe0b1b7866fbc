-- Personal data on request. An erased lead keeps its row (stage, source, campaign, owner, amount and
-- times: the anonymous counts reports are made of) with every field that names or reaches the person
-- blanked, and erased_at set. Withdrawing consent is kept beside the consent it withdraws.
ALTER TABLE lead ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD COLUMN consent_withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD COLUMN consent_withdrawn_how VARCHAR(200);

-- People who asked to be erased (or whom an admin added): their email key and phone (E.164), each
-- as an HMAC-SHA256 with the installation's salt, so the list names nobody yet knows them again.
CREATE TABLE suppression_entry (
    id         UUID PRIMARY KEY,
    kind       VARCHAR(10) NOT NULL,
    digest     VARCHAR(64) NOT NULL,
    reason     VARCHAR(10) NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by   UUID,
    CONSTRAINT suppression_entry_uq UNIQUE (kind, digest)
);

-- One row: the salt (made once, by the first node that needs it) and what intake does with a person
-- on the list: REFUSE them with a reason, or ANONYMISE (store the lead without what names them).
CREATE TABLE suppression_settings (
    id        INT PRIMARY KEY,
    salt      VARCHAR(100),
    re_intake VARCHAR(10) NOT NULL
);
INSERT INTO suppression_settings (id, salt, re_intake) VALUES (1, NULL, 'REFUSE');
