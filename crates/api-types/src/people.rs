//! The people a convention names from the university's records: students
//! of the registry (step 1) and teachers of the directory (step 6).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentRow {
    #[cfg_attr(feature = "openapi", schema(example = "2026-2027"))]
    pub academic_year: String,
    #[cfg_attr(feature = "openapi", schema(example = "M1-INFO"))]
    pub programme_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "Master 1 Informatique"))]
    pub programme_label: String,
    #[cfg_attr(feature = "openapi", schema(example = "UFR-ST"))]
    pub faculty_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "UFR Sciences et Technologies"))]
    pub faculty_label: String,
    /// Teaching hours of the curriculum per year (CONV-04 asks for 200).
    #[cfg_attr(feature = "openapi", schema(example = 420))]
    pub teaching_hours: Option<i32>,
}

/// A student with their enrolments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Student {
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "22401234"))]
    pub student_number: String,
    pub ine: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "Martin"))]
    pub last_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "Camille"))]
    pub first_name: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "camille.martin@etu.univ-demo.fr")
    )]
    pub email: Option<String>,
    pub enrolments: Vec<EnrolmentRow>,
}

/// A person of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    /// Directory identifier (uid), also the sign-in name.
    #[cfg_attr(feature = "openapi", schema(example = "enseignant"))]
    pub uid: String,
    #[cfg_attr(feature = "openapi", schema(example = "Paul"))]
    pub first_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "Durand"))]
    pub last_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "paul.durand@univ-demo.fr"))]
    pub email: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "UFR Sciences et Technologies"))]
    pub department: Option<String>,
}
