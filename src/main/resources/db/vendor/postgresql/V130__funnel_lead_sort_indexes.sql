-- The lead list by name and by company (Leads.find with ListOrder NAME, COMPANY): each page an index walk.
CREATE INDEX lead_name_order_idx ON lead (LOWER(last_name), LOWER(first_name), id) WHERE deleted_at IS NULL;
CREATE INDEX lead_company_order_idx ON lead (LOWER(company), LOWER(last_name), id) WHERE deleted_at IS NULL;
