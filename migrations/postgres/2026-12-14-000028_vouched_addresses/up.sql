-- The addresses the centres' staff vouched for as those of the people
-- they name (SIG-17): anyone on a convention may enter the host's
-- signatory or the tutor, and the student enters a minor's legal
-- representative, their own address too, so a signing link goes to them
-- only at an address staff entered (a contact they created or corrected)
-- or checked on a circuit. Kept by address, in lower case,
-- since an amendment's new tutor or signatory is a copy without a contact
-- id. Addresses entered before this table wait for staff.
CREATE TABLE vouched_addresses (
    address TEXT PRIMARY KEY,
    vouched_by BIGINT,
    vouched_at TIMESTAMP NOT NULL
);

-- Links mailed before this rule to those parties stop working: staff
-- vouch for the address on the circuit, which mails a new one.
UPDATE signature_requests
SET revoked_at = (now() AT TIME ZONE 'UTC')
WHERE revoked_at IS NULL
  AND used_at IS NULL
  AND party IN ('host_signatory', 'tutor', 'legal_representative');
