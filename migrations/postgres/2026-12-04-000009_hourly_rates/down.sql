DROP TABLE hourly_rates;
