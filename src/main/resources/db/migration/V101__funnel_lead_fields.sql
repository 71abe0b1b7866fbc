-- The fields real exports carry (Salesforce, HubSpot, website forms). All optional.
ALTER TABLE lead ADD COLUMN salutation VARCHAR(40);
ALTER TABLE lead ADD COLUMN mobile VARCHAR(60);
ALTER TABLE lead ADD COLUMN mobile_e164 VARCHAR(20);
ALTER TABLE lead ADD COLUMN phone_extension VARCHAR(20);
ALTER TABLE lead ADD COLUMN website VARCHAR(300);
ALTER TABLE lead ADD COLUMN street VARCHAR(300);
ALTER TABLE lead ADD COLUMN city VARCHAR(120);
ALTER TABLE lead ADD COLUMN postal_code VARCHAR(20);
ALTER TABLE lead ADD COLUMN industry VARCHAR(120);
ALTER TABLE lead ADD COLUMN annual_revenue NUMERIC(18, 2);
ALTER TABLE lead ADD COLUMN employees INT;
ALTER TABLE lead ADD COLUMN original_created_at TIMESTAMP WITH TIME ZONE;
-- The admin-defined custom fields' values as a JSON object of strings, keyed by the field's key.
ALTER TABLE lead ADD COLUMN custom_values VARCHAR(8000);
-- The lead's ids in other systems as a JSON object (system -> id), read with the lead; lead_external_id keeps them unique.
ALTER TABLE lead ADD COLUMN external_ids VARCHAR(2000);
-- Phones as given may carry an extension ("412-628-2963x597").
ALTER TABLE lead ALTER COLUMN phone SET DATA TYPE VARCHAR(60);
-- The phone key is the E.164 number with its extension, when there is one ("+14126282963;ext=597").
ALTER TABLE lead ALTER COLUMN phone_key SET DATA TYPE VARCHAR(40);

-- A lead's id in another system (a Salesforce Lead Id, a HubSpot record id): the key an import updates by.
CREATE TABLE lead_external_id (
    system      VARCHAR(40)  NOT NULL,
    external_id VARCHAR(120) NOT NULL,
    lead_id     UUID         NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    PRIMARY KEY (system, external_id)
);
CREATE INDEX lead_external_id_lead_idx ON lead_external_id (lead_id);

-- The lead fields an admin adds: their key (the API's custom.<key>), label, kind and, for pick lists, options.
CREATE TABLE lead_custom_field (
    field_key  VARCHAR(40)   PRIMARY KEY,
    label      VARCHAR(80)   NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    options    VARCHAR(2000),
    position   INT           NOT NULL,
    active     BOOLEAN       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
