//! Reference tables (tables de nomenclature): the lists the forms offer,
//! and their administration.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NomenclatureKind {
    #[cfg_attr(feature = "openapi", schema(example = "theme"))]
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(example = "Thématiques de stage"))]
    pub title: String,
    /// System lists are tied to behaviour: labels can change, codes cannot
    /// be added.
    pub system: bool,
    pub values: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NomenclatureValue {
    #[cfg_attr(feature = "openapi", schema(example = "theme"))]
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(example = "computing"))]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(example = "Informatique, numérique"))]
    pub label: String,
    #[cfg_attr(feature = "openapi", schema(example = "Computing, digital"))]
    pub label_en: Option<String>,
    pub position: i32,
    pub active: bool,
    pub system: bool,
    pub version: i32,
}

impl NomenclatureValue {
    /// The label in the reader's language, French when none is given.
    pub fn label_in(&self, english: bool) -> &str {
        match (&self.label_en, english) {
            (Some(en), true) if !en.is_empty() => en,
            _ => &self.label,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "agri", "label": "Agriculture, agroalimentaire", "label_en": "Agriculture, food"})))]
pub struct NewValue {
    pub code: String,
    pub label: String,
    pub label_en: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"label": "Informatique, numérique, données", "label_en": "Computing, digital, data", "active": true})))]
pub struct ValueUpdate {
    pub label: String,
    pub label_en: Option<String>,
    pub active: bool,
}

/// The minimum hourly stipend of one calendar year (GRAT-02): 15 % of the
/// hourly social-security ceiling, as the installation knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HourlyRate {
    #[cfg_attr(feature = "openapi", schema(example = 2026))]
    pub year: i32,
    /// Cents per hour of presence.
    #[cfg_attr(feature = "openapi", schema(example = 450))]
    pub cents: i64,
    /// Where the figure comes from (the decree, the ceiling it is 15 % of).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "15 % du plafond horaire de la sécurité sociale 2026 : 30 €")
    )]
    pub source: String,
    pub version: i32,
}

/// A year's rate as an administrator enters it: a new year, or a
/// correction of one (with `If-Match`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"cents": 462, "source": "15 % du plafond horaire de la sécurité sociale 2027 : 30,80 €"})))]
pub struct HourlyRateInput {
    /// Cents per hour of presence.
    pub cents: i64,
    /// Where the figure comes from.
    pub source: String,
}
