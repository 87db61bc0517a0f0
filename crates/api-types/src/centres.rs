//! Management centres (centres de gestion): their details, settings, staff
//! and the programmes whose conventions they manage.

use serde::{Deserialize, Serialize};
use stages_domain::access::RouteKind;
use stages_domain::model::{CentreLevel, CentreSettings};
use stages_domain::staff::StaffRights;

/// A staff member of a centre, with their rights there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub user_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "gestionnaire"))]
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(example = "Géraldine Baviere"))]
    pub display_name: String,
    pub rights: StaffRights,
}

/// One manager of a centre as an administrator sets it: the account and
/// its rights there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffAssignment {
    pub user_id: i64,
    pub rights: StaffRights,
}

/// A programme or faculty the centre manages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreRoute {
    pub kind: RouteKind,
    #[cfg_attr(feature = "openapi", schema(example = "M1-INFO"))]
    pub code: String,
}

/// A centre as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Centre {
    pub id: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Centre de gestion UFR Sciences et Technologies")
    )]
    pub name: String,
    pub level: CentreLevel,
    /// Receives the conventions no other centre manages.
    pub is_fallback: bool,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    #[cfg_attr(feature = "openapi", schema(example = "FR"))]
    pub country_code: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The institution's signatory of this centre's agreements.
    pub signatory_name: Option<String>,
    pub signatory_position: Option<String>,
    pub settings: CentreSettings,
    pub staff: Vec<StaffMember>,
    pub routes: Vec<CentreRoute>,
    pub has_logo: bool,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Centre de gestion UFR Lettres",
    "level": "faculty",
    "is_fallback": false,
    "street": "40 avenue du Recteur Pineau",
    "postal_code": "86000",
    "city": "Poitiers",
    "country_code": "FR",
    "email": "stages-lettres@univ-demo.fr",
    "phone": "05 49 45 30 00",
    "signatory_name": "Anne Leroy",
    "signatory_position": "Directrice de l'UFR",
    "settings": {"validation_levels": ["pedagogical", "administrative"], "print_condition": "after_both", "students_may_create": true, "overlaps_allowed": false}
})))]
pub struct CentreInput {
    pub name: String,
    pub level: CentreLevel,
    #[serde(default)]
    pub is_fallback: bool,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub signatory_name: Option<String>,
    pub signatory_position: Option<String>,
    pub settings: CentreSettings,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"staff": [{"user_id": 3, "rights": {"validate_pedagogical": false, "validate_administrative_check": true, "validate_administrative": true, "print": true, "evaluations": true, "tickets": true, "statistics": false, "alerts": true}}], "routes": [{"kind": "faculty", "code": "UFR-ST"}, {"kind": "programme", "code": "M1-INFO"}]})))]
pub struct CentreOrganisation {
    /// The centre's managers and their rights.
    pub staff: Vec<StaffAssignment>,
    /// Programmes and faculties whose conventions the centre manages.
    pub routes: Vec<CentreRoute>,
}
