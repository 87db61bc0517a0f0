-- The minimum hourly stipend of each calendar year (GRAT-02): 15 % of the
-- hourly social-security ceiling. Data, not code, so that an installation
-- enters a new year's rate as soon as it is published; administrators
-- change it through the API (audited). Seeded with the years known when
-- this version was made.
CREATE TABLE hourly_rates (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    cents BIGINT NOT NULL CHECK (cents > 0),
    source TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO hourly_rates (year, cents, source) VALUES
    (2019, 375, '15 % du plafond horaire de la sécurité sociale 2019 : 25 €'),
    (2020, 390, '15 % du plafond horaire de la sécurité sociale 2020 : 26 €'),
    (2021, 390, '15 % du plafond horaire de la sécurité sociale 2021 : 26 €'),
    (2022, 390, '15 % du plafond horaire de la sécurité sociale 2022 : 26 €'),
    (2023, 405, '15 % du plafond horaire de la sécurité sociale 2023 : 27 €'),
    (2024, 435, '15 % du plafond horaire de la sécurité sociale 2024 : 29 €'),
    (2025, 435, '15 % du plafond horaire de la sécurité sociale 2025 : 29 €'),
    (2026, 450, '15 % du plafond horaire de la sécurité sociale 2026 : 30 € (arrêté publié au JO du 23 décembre 2025)');
