-- Amendments go through their own signature circuit (issue 17): a circuit
-- names the amendment it is for, or none for the agreement itself. One
-- open circuit per agreement, and one per amendment.
ALTER TABLE signature_circuits ADD COLUMN amendment_id BIGINT REFERENCES amendments (id) ON DELETE CASCADE;
DROP INDEX signature_circuits_open;
CREATE UNIQUE INDEX signature_circuits_open ON signature_circuits (convention_id) WHERE withdrawn_at IS NULL AND amendment_id IS NULL;
CREATE UNIQUE INDEX signature_circuits_open_amendment ON signature_circuits (amendment_id) WHERE withdrawn_at IS NULL AND amendment_id IS NOT NULL;
-- CONV-03 is about the agreement's circuit only.
DROP INDEX signature_circuits_open_signed;
CREATE INDEX signature_circuits_open_signed ON signature_circuits (convention_id, signed_on) WHERE withdrawn_at IS NULL AND amendment_id IS NULL;
