//! Table definitions shared by both backends (portable SQL types only).

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        display_name -> Text,
        first_name -> Text,
        last_name -> Text,
        department -> Nullable<Text>,
        email -> Nullable<Text>,
        password_hash -> Nullable<Text>,
        source -> Text,
        affiliation -> Text,
        student_number -> Nullable<Text>,
        is_admin -> Bool,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        is_demo -> Bool,
        must_change_password -> Bool,
    }
}

diesel::table! {
    nomenclatures (kind, code) {
        kind -> Text,
        code -> Text,
        label -> Text,
        label_en -> Nullable<Text>,
        position -> Integer,
        active -> Bool,
        system -> Bool,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    hourly_rates (year) {
        year -> Integer,
        cents -> BigInt,
        source -> Text,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    centres (id) {
        id -> BigInt,
        name -> Text,
        level -> Text,
        is_fallback -> Bool,
        street -> Text,
        postal_code -> Text,
        city -> Text,
        country_code -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        signatory_name -> Nullable<Text>,
        signatory_position -> Nullable<Text>,
        settings -> Text,
        logo -> Nullable<Binary>,
        logo_media_type -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    centre_staff (centre_id, user_id) {
        centre_id -> BigInt,
        user_id -> BigInt,
        validate_pedagogical -> Bool,
        validate_administrative_check -> Bool,
        validate_administrative -> Bool,
        print -> Bool,
        evaluations -> Bool,
        tickets -> Bool,
        statistics -> Bool,
        alerts -> Bool,
    }
}

diesel::table! {
    centre_routes (id) {
        id -> BigInt,
        centre_id -> BigInt,
        kind -> Text,
        code -> Text,
    }
}

diesel::table! {
    students (id) {
        id -> BigInt,
        student_number -> Text,
        ine -> Nullable<Text>,
        last_name -> Text,
        first_name -> Text,
        email -> Nullable<Text>,
        user_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        birth_date -> Nullable<Date>,
    }
}

diesel::table! {
    enrolments (id) {
        id -> BigInt,
        student_id -> BigInt,
        academic_year -> Text,
        programme_code -> Text,
        programme_label -> Text,
        faculty_code -> Text,
        faculty_label -> Text,
        teaching_hours -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    organisations (id) {
        id -> BigInt,
        name -> Text,
        siret -> Nullable<Text>,
        siren -> Nullable<Text>,
        naf_code -> Nullable<Text>,
        activity -> Nullable<Text>,
        headcount -> Integer,
        kind -> Text,
        legal_status_code -> Nullable<Text>,
        legal_status_label -> Nullable<Text>,
        street -> Text,
        street2 -> Nullable<Text>,
        postal_code -> Text,
        city -> Text,
        country_code -> Text,
        department -> Nullable<Text>,
        phone -> Text,
        email -> Nullable<Text>,
        website -> Nullable<Text>,
        active -> Bool,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    host_services (id) {
        id -> BigInt,
        organisation_id -> BigInt,
        name -> Text,
        street -> Text,
        postal_code -> Text,
        city -> Text,
        country_code -> Text,
        phone -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contacts (id) {
        id -> BigInt,
        host_service_id -> BigInt,
        civility -> Nullable<Text>,
        last_name -> Text,
        first_name -> Text,
        position -> Text,
        email -> Text,
        phone -> Text,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    supervisors (id) {
        id -> BigInt,
        uid -> Text,
        last_name -> Text,
        first_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        department -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    convention_counters (year) {
        year -> Integer,
        last_value -> BigInt,
    }
}

diesel::table! {
    conventions (id) {
        id -> BigInt,
        number -> Nullable<Text>,
        status -> Text,
        centre_id -> BigInt,
        student_id -> BigInt,
        created_by -> BigInt,
        academic_year -> Text,
        programme_code -> Nullable<Text>,
        organisation_id -> Nullable<BigInt>,
        host_service_id -> Nullable<BigInt>,
        tutor_id -> Nullable<BigInt>,
        signatory_id -> Nullable<BigInt>,
        supervisor_id -> Nullable<BigInt>,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        effective_minutes -> Nullable<BigInt>,
        stipend_paid -> Nullable<Bool>,
        stipend_hourly_cents -> Nullable<BigInt>,
        country_code -> Nullable<Text>,
        department -> Nullable<Text>,
        language -> Nullable<Text>,
        content -> Text,
        workflow -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        offer_id -> Nullable<BigInt>,
        post_review -> Nullable<Text>,
        organisation_name -> Nullable<Text>,
    }
}

diesel::table! {
    convention_interruptions (convention_id, position) {
        convention_id -> BigInt,
        position -> Integer,
        start_date -> Date,
        end_date -> Date,
    }
}

diesel::table! {
    convention_schedule_periods (convention_id, position) {
        convention_id -> BigInt,
        position -> Integer,
        start_date -> Date,
        end_date -> Date,
        daily_minutes -> Integer,
    }
}

diesel::table! {
    validation_history (id) {
        id -> BigInt,
        convention_id -> BigInt,
        action -> Text,
        level -> Nullable<Text>,
        reason -> Nullable<Text>,
        actor_id -> Nullable<BigInt>,
        at -> Timestamp,
    }
}

diesel::table! {
    amendments (id) {
        id -> BigInt,
        convention_id -> BigInt,
        position -> Integer,
        title -> Text,
        reason -> Text,
        changes -> Text,
        host_service_id -> Nullable<BigInt>,
        tutor_id -> Nullable<BigInt>,
        validated_at -> Nullable<Timestamp>,
        validated_by -> Nullable<BigInt>,
        created_by -> BigInt,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        entity -> Text,
        entity_id -> BigInt,
        action -> Text,
        actor_id -> Nullable<BigInt>,
        at -> Timestamp,
        before_state -> Nullable<Text>,
        after_state -> Nullable<Text>,
    }
}

diesel::table! {
    tickets (id) {
        id -> BigInt,
        author_id -> BigInt,
        subject -> Text,
        body -> Text,
        page -> Nullable<Text>,
        convention_id -> Nullable<BigInt>,
        organisation_id -> Nullable<BigInt>,
        status -> Text,
        answer -> Nullable<Text>,
        answered_by -> Nullable<BigInt>,
        answered_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        centre_id -> Nullable<BigInt>,
    }
}

diesel::joinable!(centre_staff -> centres (centre_id));
diesel::joinable!(centre_staff -> users (user_id));
diesel::joinable!(centre_routes -> centres (centre_id));
diesel::joinable!(enrolments -> students (student_id));
diesel::joinable!(host_services -> organisations (organisation_id));
diesel::joinable!(contacts -> host_services (host_service_id));
diesel::joinable!(conventions -> centres (centre_id));
diesel::joinable!(conventions -> students (student_id));
diesel::joinable!(conventions -> organisations (organisation_id));
diesel::joinable!(validation_history -> conventions (convention_id));
diesel::joinable!(amendments -> conventions (convention_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::table! {
    oidc_logins (state_hash) {
        state_hash -> Text,
        nonce -> Text,
        pkce_verifier -> Text,
        next_path -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sso_identities (issuer, subject) {
        issuer -> Text,
        subject -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sso_sessions (id) {
        id -> BigInt,
        provider -> Text,
        session_hash -> Text,
        family -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Kept by the database's triggers (migration 7); centre 0 is the whole
    /// university.
    statistics_counts (centre_id, academic_year, dimension, key) {
        centre_id -> BigInt,
        academic_year -> Text,
        dimension -> Text,
        key -> Text,
        n -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    users,
    nomenclatures,
    centres,
    centre_staff,
    centre_routes,
    students,
    enrolments,
    organisations,
    host_services,
    contacts,
    supervisors,
    conventions,
    convention_interruptions,
    convention_schedule_periods,
    validation_history,
    amendments,
    audit_log,
    tickets,
    refresh_tokens,
    sso_identities,
    sso_sessions,
    api_tokens,
    outbox,
    offers,
    evaluation_forms,
    evaluation_answers,
    evaluation_links,
    offer_counters,
);

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        family -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        token_hash -> Text,
        scopes -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        event -> Text,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        convention_id -> Nullable<BigInt>,
        dedupe_key -> Nullable<Text>,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        link_id -> Nullable<BigInt>,
        signature_request_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    offers (id) {
        id -> BigInt,
        number -> Text,
        kind -> Text,
        title -> Text,
        description -> Text,
        organisation_id -> BigInt,
        city -> Text,
        postal_code -> Nullable<Text>,
        country_code -> Text,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        contact_name -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        status -> Text,
        centre_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        published_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        contract -> Nullable<Text>,
        paid -> Nullable<Bool>,
        disability_friendly -> Bool,
        department -> Nullable<Text>,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    offer_counters (year) {
        year -> Integer,
        last_value -> BigInt,
    }
}

diesel::table! {
    evaluation_forms (centre_id, kind) {
        centre_id -> BigInt,
        kind -> Text,
        enabled -> Bool,
        form -> Text,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    evaluation_answers (id) {
        id -> BigInt,
        convention_id -> BigInt,
        kind -> Text,
        form -> Text,
        answers -> Text,
        submitted_at -> Nullable<Timestamp>,
        submitted_by -> Nullable<Text>,
        requested_at -> Nullable<Timestamp>,
        reminders -> Integer,
        last_reminder_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    evaluation_links (id) {
        id -> BigInt,
        convention_id -> BigInt,
        contact_id -> Nullable<BigInt>,
        jti -> Text,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        used_at -> Nullable<Timestamp>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(offers -> organisations (organisation_id));
diesel::joinable!(conventions -> offers (offer_id));
diesel::joinable!(evaluation_answers -> conventions (convention_id));

diesel::table! {
    signature_circuits (id) {
        id -> BigInt,
        convention_id -> BigInt,
        parties -> Text,
        signing_order -> Text,
        opened_on -> Date,
        sent_on -> Nullable<Date>,
        document -> Nullable<Binary>,
        document_sha256 -> Nullable<Text>,
        signed_document -> Nullable<Binary>,
        signed_on -> Nullable<Date>,
        withdrawn_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        amendment_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    signatures (id) {
        id -> BigInt,
        circuit_id -> BigInt,
        party -> Text,
        signed_on -> Date,
        method -> Text,
        signer_name -> Text,
        recorded_by -> Nullable<BigInt>,
        address -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        document_sha256 -> Nullable<Text>,
        scan -> Nullable<Binary>,
        scan_sha256 -> Nullable<Text>,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    vouched_addresses (address) {
        address -> Text,
        vouched_by -> Nullable<BigInt>,
        vouched_at -> Timestamp,
    }
}

diesel::table! {
    platform_deliveries (platform, delivery) {
        platform -> Text,
        delivery -> Text,
        received_at -> Timestamp,
    }
}

diesel::table! {
    signature_requests (id) {
        id -> BigInt,
        circuit_id -> BigInt,
        party -> Text,
        email -> Text,
        signer_name -> Text,
        jti -> Text,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        used_at -> Nullable<Timestamp>,
        code_nonce -> Nullable<Text>,
        code_sent_at -> Nullable<Timestamp>,
        code_expires_at -> Nullable<Timestamp>,
        code_attempts -> Integer,
        reminders -> Integer,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(signatures -> signature_circuits (circuit_id));
diesel::joinable!(signature_requests -> signature_circuits (circuit_id));
diesel::allow_tables_to_appear_in_same_query!(signature_circuits, signatures, signature_requests);
diesel::allow_tables_to_appear_in_same_query!(signatures, users);
diesel::allow_tables_to_appear_in_same_query!(vouched_addresses, users);
diesel::allow_tables_to_appear_in_same_query!(signature_circuits, conventions);
