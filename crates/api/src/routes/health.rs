//! Liveness and database reachability, for load balancers and monitoring.

use crate::error::{ApiError, Problem};
use crate::state::AppState;
use crate::texts::Text;
use actix_web::{HttpResponse, get, web};

/// Longest wait of the health check for the database.
pub const HEALTH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

pub use stages_api_types::health::Health;

/// Reports whether the server and its database answer.
#[utoipa::path(
    tag = "health",
    operation_id = "get_health",
    responses(
        (status = 200, description = "Server and database answer", body = Health),
        (status = 503, description = "The database does not answer within 2 s", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[get("/health")]
pub async fn health(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    // Bounded tightly: a load balancer must learn within seconds that the
    // database hangs.
    state
        .db_within(HEALTH_TIMEOUT, |conn| {
            crate::db::ping(conn).map_err(|e| {
                tracing::warn!(%e, "health: the database does not answer");
                ApiError::unavailable(Text::DatabaseDown)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(Health {
        status: "ok".into(),
        database: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}
