-- Reference lists (nomenclatures): one table, keyed by list and code.
CREATE TABLE nomenclatures (
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    label_en TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    system BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, code)
);

-- Word prefixes of searchable names (organisations, students, supervisors):
-- a range scan on (kind, term) answers a name search on both backends.
CREATE TABLE search_terms (
    kind TEXT NOT NULL,
    term TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    PRIMARY KEY (kind, term, entity_id)
);
CREATE INDEX search_terms_entity ON search_terms (kind, entity_id);

CREATE TABLE centres (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    is_fallback BOOLEAN NOT NULL DEFAULT FALSE,
    street TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL DEFAULT 'FR',
    email TEXT,
    phone TEXT,
    signatory_name TEXT,
    signatory_position TEXT,
    settings TEXT NOT NULL,
    logo BLOB,
    logo_media_type TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX centres_name ON centres (name);

CREATE TABLE centre_staff (
    centre_id BIGINT NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (centre_id, user_id)
);
CREATE INDEX centre_staff_user ON centre_staff (user_id);

-- Which programmes or faculties a centre manages; conventions are routed by
-- programme first, then faculty, then to the fallback centre.
CREATE TABLE centre_routes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    centre_id BIGINT NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    code TEXT NOT NULL
);
CREATE UNIQUE INDEX centre_routes_key ON centre_routes (kind, code);

CREATE TABLE students (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    student_number TEXT NOT NULL,
    ine TEXT,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    email TEXT,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX students_number ON students (student_number);
CREATE INDEX students_user ON students (user_id);

CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    student_id BIGINT NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    academic_year TEXT NOT NULL,
    programme_code TEXT NOT NULL,
    programme_label TEXT NOT NULL,
    faculty_code TEXT NOT NULL,
    faculty_label TEXT NOT NULL,
    teaching_hours INTEGER,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX enrolments_key ON enrolments (student_id, academic_year, programme_code);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    siret TEXT,
    siren TEXT,
    naf_code TEXT,
    activity TEXT,
    headcount INTEGER NOT NULL,
    kind TEXT NOT NULL,
    legal_status_code TEXT,
    legal_status_label TEXT,
    street TEXT NOT NULL,
    street2 TEXT,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country_code TEXT NOT NULL,
    department TEXT,
    phone TEXT NOT NULL,
    email TEXT,
    website TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX organisations_active_siret ON organisations (siret) WHERE active AND siret IS NOT NULL;
CREATE INDEX organisations_name ON organisations (name, id);
CREATE INDEX organisations_siren ON organisations (siren);
CREATE INDEX organisations_naf ON organisations (naf_code);
CREATE INDEX organisations_department ON organisations (department);
CREATE INDEX organisations_phone ON organisations (phone);

CREATE TABLE host_services (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country_code TEXT NOT NULL,
    phone TEXT,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX host_services_organisation ON host_services (organisation_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    host_service_id BIGINT NOT NULL REFERENCES host_services (id),
    civility TEXT,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    position TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX contacts_host_service ON contacts (host_service_id);

-- Academic supervisors as found in the directory, kept once selected.
CREATE TABLE supervisors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    department TEXT,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX supervisors_uid ON supervisors (uid);

-- One row per year: the last convention number given.
CREATE TABLE convention_counters (
    year INTEGER PRIMARY KEY,
    last_value BIGINT NOT NULL
);

-- A convention: its step data as the domain's JSON document, plus the
-- columns that scope, search, sort and count it.
CREATE TABLE conventions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT,
    status TEXT NOT NULL,
    centre_id BIGINT NOT NULL REFERENCES centres (id),
    student_id BIGINT NOT NULL REFERENCES students (id),
    created_by BIGINT NOT NULL REFERENCES users (id),
    academic_year TEXT NOT NULL,
    programme_code TEXT,
    organisation_id BIGINT REFERENCES organisations (id),
    host_service_id BIGINT REFERENCES host_services (id),
    tutor_id BIGINT REFERENCES contacts (id),
    signatory_id BIGINT REFERENCES contacts (id),
    supervisor_id BIGINT REFERENCES supervisors (id),
    start_date DATE,
    end_date DATE,
    effective_minutes BIGINT,
    stipend_paid BOOLEAN,
    stipend_hourly_cents BIGINT,
    country_code TEXT,
    department TEXT,
    language TEXT,
    content TEXT NOT NULL,
    workflow TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP
);
CREATE UNIQUE INDEX conventions_number ON conventions (number);
CREATE INDEX conventions_centre_year ON conventions (centre_id, academic_year, status);
CREATE INDEX conventions_student ON conventions (student_id);
CREATE INDEX conventions_supervisor ON conventions (supervisor_id);
CREATE INDEX conventions_organisation ON conventions (organisation_id);
CREATE INDEX conventions_tutor ON conventions (tutor_id);

CREATE TABLE convention_interruptions (
    convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    PRIMARY KEY (convention_id, position)
);

CREATE TABLE convention_schedule_periods (
    convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    daily_minutes INTEGER NOT NULL,
    PRIMARY KEY (convention_id, position)
);

CREATE TABLE validation_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    level TEXT,
    reason TEXT,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX validation_history_convention ON validation_history (convention_id);

CREATE TABLE amendments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    reason TEXT NOT NULL,
    changes TEXT NOT NULL,
    -- The records a service or tutor change names, applied on validation.
    host_service_id BIGINT REFERENCES host_services (id),
    tutor_id BIGINT REFERENCES contacts (id),
    validated_at TIMESTAMP,
    validated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX amendments_position ON amendments (convention_id, position);

-- Who changed what, when, with the state before and after (JSON).
-- Append-only: a trigger refuses updates and deletes.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor_id BIGINT,
    at TIMESTAMP NOT NULL,
    before_state TEXT,
    after_state TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id BIGINT NOT NULL REFERENCES users (id),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    page TEXT,
    convention_id BIGINT REFERENCES conventions (id) ON DELETE SET NULL,
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    answer TEXT,
    answered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    answered_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX tickets_status ON tickets (status, id);
CREATE INDEX tickets_author ON tickets (author_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
