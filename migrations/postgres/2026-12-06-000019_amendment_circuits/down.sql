DROP INDEX signature_circuits_open_signed;
DROP INDEX signature_circuits_open_amendment;
DROP INDEX signature_circuits_open;
DELETE FROM signature_circuits WHERE amendment_id IS NOT NULL;
ALTER TABLE signature_circuits DROP COLUMN amendment_id;
CREATE UNIQUE INDEX signature_circuits_open ON signature_circuits (convention_id) WHERE withdrawn_at IS NULL;
CREATE INDEX signature_circuits_open_signed ON signature_circuits (convention_id, signed_on) WHERE withdrawn_at IS NULL;
