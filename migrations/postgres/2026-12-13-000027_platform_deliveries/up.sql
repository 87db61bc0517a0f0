-- The reports of signature platforms received in the last minutes, by the
-- signature of their delivery: a report is taken once, and a copy replayed
-- while its timestamp is still fresh is refused (app/platforms.rs). Older
-- rows are forgotten as new reports arrive: a copy replayed later is
-- refused for its timestamp.
CREATE TABLE platform_deliveries (
    platform TEXT NOT NULL,
    delivery TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    PRIMARY KEY (platform, delivery)
);
CREATE INDEX platform_deliveries_received ON platform_deliveries (received_at);
