//! Shared state handed to every handler.

use crate::app::evaluations::links::LinkSigner;
use crate::auth::throttle::Throttle;
use crate::auth::token::TokenService;
use crate::auth::{Caller, Credentials};
use crate::config::Config;
use crate::db::{AnyConnection, DbPool};
use crate::error::ApiError;
use crate::texts::Text;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub tokens: TokenService,
    /// Signs the workplace tutors' evaluation links.
    pub links: LinkSigner,
    /// Seals signed agreements.
    pub seal: Arc<crate::documents::seal::Seal>,
    /// The signature platforms whose reports the webhook takes.
    pub platforms: Arc<Vec<Arc<dyn crate::app::platforms::SignaturePlatform>>>,
    pub config: Arc<Config>,
    pub throttle: Arc<Throttle>,
    /// Single sign-on starts and callbacks per address (see
    /// [`crate::auth::rate`]).
    pub sso_rate: Arc<crate::auth::rate::PerAddress>,
    /// Searches running at once ([`concurrent_searches`]); the others
    /// wait for their turn.
    pub searches: Arc<tokio::sync::Semaphore>,
    /// Calls to other servers (the CAS server): no redirects followed, a
    /// time limit on each.
    pub http: reqwest::Client,
    /// The OpenID provider's discovery document and keys, as last read.
    pub oidc_metadata: Arc<crate::sso::oidc::MetadataCache>,
}

/// Longest wait of a request for its database work: PostgreSQL cuts each
/// statement at 5 s, so only a database that hangs (or a pool exhausted by
/// one) makes a request wait this long, and it then answers 503.
pub const DB_WORK_TIMEOUT: Duration = Duration::from_secs(8);
/// Longest wait of a search for its turn before a 503.
pub const SEARCH_QUEUE_WAIT: Duration = Duration::from_secs(3);

/// Searches allowed at once with a pool of `pool_size` connections: the
/// `configured` number (`STAGES_SEARCHES`), else one per core of this
/// machine (`cores`) and at least two; never more than half the pool, so
/// that sign-in, health checks and saves always find a connection however
/// many searches arrive.
///
/// A search keeps a core busy, here (SQLite) or in a database that shares
/// the machine: more at once than cores only share the cores, and every
/// one of them ends later. Eight clients on two cores at 100k
/// PostgreSQL: five at once gave conventions a p95 of 30–32 ms, two 22–25
/// ms, for the same throughput (BENCHMARKS.md, eleventh run). Two at
/// least, so that the server's own work on one search overlaps the
/// database's on another (one at a time halved the throughput).
pub fn concurrent_searches(pool_size: u32, configured: Option<usize>, cores: usize) -> usize {
    let half_pool = usize::try_from(pool_size / 2).unwrap_or(1).max(1);
    configured.unwrap_or(cores.max(2)).clamp(1, half_pool)
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
        self.db_within(DB_WORK_TIMEOUT, work).await
    }

    /// [`Self::db`] with another time limit (the health check's is short).
    /// Past it the request answers 503; the work itself ends on its own:
    /// on SQLite its running statement is interrupted within a few
    /// milliseconds (not a wait for a lock, nor one long step such as a
    /// sort), on PostgreSQL at the statement timeout, or when a hung
    /// database wakes up. A change may still be committed after the 503:
    /// the client is told to look first.
    pub async fn db_within<T, F>(&self, limit: Duration, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        // On SQLite the work's statements are interrupted once the client
        // is told 503 (PostgreSQL cuts each statement at its own
        // statement_timeout). Around the work only: the pool's ping is not
        // the work's, and must not make a live connection look dead.
        let deadline = std::time::Instant::now() + limit;
        let blocking = actix_web::web::block(move || {
            crate::db::checkout::with_connection(&pool, move |conn| {
                stages_sqlite_deadline::until(deadline, || work(conn))
            })
        });
        match tokio::time::timeout(limit, blocking).await {
            Ok(done) => done?,
            Err(_) => {
                tracing::warn!(
                    limit_ms = limit.as_millis(),
                    "the database did not answer in time"
                );
                // The work may still end, and a change be applied, once the
                // database answers: the client is told to look first.
                Err(ApiError::unavailable(Text::DatabaseLate))
            }
        }
    }

    /// Database work of a search: it waits for one of the few search
    /// turns ([`concurrent_searches`]), 503 if none frees up soon.
    pub async fn search<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let turn = self.search_turn().await?;
        // The turn is held by the work itself: a search the client gave up
        // on still holds its connection until it ends, and its turn too.
        self.db(move |conn| {
            let _turn = turn;
            work(conn)
        })
        .await
    }

    /// A search by the holder of `credentials`, and `work` gets the caller
    /// they let in. A session's token is checked on the search's own
    /// connection, in the same trip to a blocking thread; an API token
    /// before the search waits for its turn.
    pub async fn search_as<T, F>(&self, credentials: Credentials, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection, &Caller) -> Result<T, ApiError> + Send + 'static,
    {
        // Made-up API tokens must not hold the few search turns while the
        // database refuses them: such a token is checked first, apart. A
        // session's token was signed by this server.
        if credentials.is_api_token() {
            let caller = self.db(move |conn| credentials.check(conn)).await?;
            return self.search(move |conn| work(conn, &caller)).await;
        }
        let turn = self.search_turn().await?;
        self.db(move |conn| {
            let _turn = turn;
            let caller = credentials.check(conn)?;
            work(conn, &caller)
        })
        .await
    }

    /// What a search asks, as its handler read it from a query string the
    /// extractor took, with the credentials to hand on to
    /// [`Self::search_as`]. A query refused (400) is told only to a caller
    /// the credentials still let in, as the extractors do
    /// ([`crate::auth::refused_content`]): a token signed out, disabled or
    /// revoked answers 401 whatever it asks. The check then costs a trip
    /// to the database, but no search turn.
    pub async fn search_query<P>(
        &self,
        credentials: Credentials,
        read: Result<P, ApiError>,
    ) -> Result<(Credentials, P), ApiError> {
        match read {
            Ok(asked) => Ok((credentials, asked)),
            Err(refusal) => Err(self.refusal_for(credentials, refusal).await),
        }
    }

    /// `refusal`, unless the credentials no longer let anyone in: then why
    /// they do not (401, or 503 when the database cannot tell).
    pub async fn refusal_for(&self, credentials: Credentials, refusal: ApiError) -> ApiError {
        match self.db(move |conn| credentials.check(conn)).await {
            Ok(_) => refusal,
            Err(refused) => refused,
        }
    }

    async fn search_turn(&self) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
        tokio::time::timeout(SEARCH_QUEUE_WAIT, self.searches.clone().acquire_owned())
            .await
            .map_err(|_| ApiError::unavailable(Text::SearchesBusy).retry_after(1))?
            .map_err(ApiError::internal)
    }
}

#[cfg(test)]
mod tests {
    use super::concurrent_searches;

    #[test]
    fn searches_at_once_follow_the_cores_within_half_the_pool() {
        // By default one per core, at least two.
        assert_eq!(concurrent_searches(10, None, 2), 2);
        assert_eq!(concurrent_searches(10, None, 1), 2);
        assert_eq!(concurrent_searches(10, None, 4), 4);
        // Never more than half the pool, so that sign-in finds a connection.
        assert_eq!(concurrent_searches(10, None, 64), 5);
        assert_eq!(concurrent_searches(10, Some(8), 2), 5);
        assert_eq!(concurrent_searches(4, None, 2), 2);
        // What the operator set, within the pool.
        assert_eq!(concurrent_searches(10, Some(3), 2), 3);
        assert_eq!(concurrent_searches(10, Some(1), 16), 1);
        // A pool of one still lets one search run.
        assert_eq!(concurrent_searches(1, None, 2), 1);
    }
}
