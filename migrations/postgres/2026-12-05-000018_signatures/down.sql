ALTER TABLE outbox DROP COLUMN signature_request_id;
DROP TABLE signature_requests;
DROP TABLE signatures;
DROP TABLE signature_circuits;
