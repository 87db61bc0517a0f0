//! Table definitions shared by both backends (portable SQL types only).

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        display_name -> Text,
        email -> Nullable<Text>,
        password_hash -> Nullable<Text>,
        source -> Text,
        affiliation -> Text,
        student_number -> Nullable<Text>,
        is_admin -> Bool,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}
