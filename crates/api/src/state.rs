//! Shared state handed to every handler.

use crate::auth::throttle::Throttle;
use crate::auth::token::TokenService;
use crate::config::Config;
use crate::db::{AnyConnection, DbPool};
use crate::error::ApiError;
use crate::evaluations::links::LinkSigner;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub tokens: TokenService,
    /// Signs the workplace tutors' evaluation links.
    pub links: LinkSigner,
    pub config: Arc<Config>,
    pub throttle: Arc<Throttle>,
}

impl AppState {
    /// Today's date, as the rules see it.
    pub fn today(&self) -> chrono::NaiveDate {
        self.config
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Runs blocking database work off the async workers with a pooled
    /// connection. A pool that cannot hand out a connection means the
    /// database is down: 503, not 500.
    pub async fn db<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await?
    }
}
