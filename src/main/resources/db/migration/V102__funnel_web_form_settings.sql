-- A website form's own custom-field ids (Salesforce's 00N...) mapped to our custom fields' keys, as a JSON object.
ALTER TABLE web_form ADD COLUMN field_map VARCHAR(4000);
ALTER TABLE web_form ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
