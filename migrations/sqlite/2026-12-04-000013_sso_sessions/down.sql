DROP TABLE sso_sessions;
