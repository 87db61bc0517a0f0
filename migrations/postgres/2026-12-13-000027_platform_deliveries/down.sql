DROP TABLE platform_deliveries;
