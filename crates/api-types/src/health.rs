//! Whether the server and its database answer.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    #[cfg_attr(feature = "openapi", schema(example = "ok"))]
    pub status: String,
    #[cfg_attr(feature = "openapi", schema(example = "ok"))]
    pub database: String,
    #[cfg_attr(feature = "openapi", schema(example = "0.1.0"))]
    pub version: String,
}
