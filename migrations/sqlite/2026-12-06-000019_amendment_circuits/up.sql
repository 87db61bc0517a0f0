-- Amendments go through their own signature circuit (issue 17): a circuit
-- names the amendment it is for, or none for the agreement itself. One
-- open circuit per agreement, and one per amendment. (SQLite cannot drop
-- a column under a foreign key, so here the amendment is named without
-- one: only validated amendments have circuits, and those are never
-- deleted; the convention's cascade removes both.)
ALTER TABLE signature_circuits ADD COLUMN amendment_id BIGINT;
DROP INDEX signature_circuits_open;
CREATE UNIQUE INDEX signature_circuits_open ON signature_circuits (convention_id) WHERE withdrawn_at IS NULL AND amendment_id IS NULL;
CREATE UNIQUE INDEX signature_circuits_open_amendment ON signature_circuits (amendment_id) WHERE withdrawn_at IS NULL AND amendment_id IS NOT NULL;
-- CONV-03 is about the agreement's circuit only.
DROP INDEX signature_circuits_open_signed;
CREATE INDEX signature_circuits_open_signed ON signature_circuits (convention_id, signed_on) WHERE withdrawn_at IS NULL AND amendment_id IS NULL;
