DROP TABLE signature_requests;
DROP TABLE signatures;
DROP TABLE signature_circuits;
