DROP TABLE vouched_addresses;
