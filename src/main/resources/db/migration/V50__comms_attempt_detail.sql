-- What only admins see of a failed delivery (the address a name resolved to, the remote status);
-- the reason beside it is what everyone who may see the message reads.
ALTER TABLE comms_attempt ADD COLUMN detail VARCHAR(500);
