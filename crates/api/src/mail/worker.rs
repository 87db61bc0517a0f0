//! The outbox worker: claims due mails, sends them over SMTP (lettre),
//! records the outcome. Several replicas may run one each: a claimed mail
//! is leased to one worker, so none is sent twice.

use super::outbox::{self, BATCH, Claimed};
use crate::db::DbPool;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// Longest an SMTP exchange may take. A worker starts no send later than
/// this (and a margin) before its lease ends, so that a mail is never sent
/// while another worker may already have claimed it.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(10);

/// Sends mail through one SMTP server.
#[derive(Clone)]
pub struct Sender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Sender {
    /// `smtp://host:port` (plain, e.g. a local relay), `smtp://host?tls=required`
    /// (STARTTLS) or `smtps://user:password@host` (TLS), as lettre reads them.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("invalid SMTP URL {url:?}: {e}"))?
            .timeout(Some(SEND_TIMEOUT))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("invalid sender address {from:?}: {e}"))?;
        Ok(Self { transport, from })
    }

    pub async fn send(&self, mail: &Claimed) -> Result<(), String> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| format!("invalid recipient {}: {e}", mail.recipient))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// A name unique to this process, recorded on the mails it claims.
pub fn worker_name() -> String {
    use rand::Rng;
    format!(
        "worker-{}-{:08x}",
        std::process::id(),
        rand::rng().random::<u32>()
    )
}

/// One round: claim due mails, send them, record each outcome. Returns how
/// many were claimed.
pub async fn drain_once(pool: &DbPool, sender: &Sender, worker: &str) -> Result<usize, String> {
    let claimed_at = chrono::Utc::now().naive_utc();
    let claimed = {
        let (pool, worker) = (pool.clone(), worker.to_owned());
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            outbox::claim(&mut conn, &worker, claimed_at, BATCH).map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())??
    };
    let count = claimed.len();
    let margin = chrono::Duration::from_std(SEND_TIMEOUT * 2).map_err(|e| e.to_string())?;
    let last_start = claimed_at + outbox::LEASE - margin;
    let mut pending = claimed.into_iter();
    while let Some(mail) = pending.next() {
        if chrono::Utc::now().naive_utc() > last_start {
            let rest: Vec<i64> = std::iter::once(mail.id)
                .chain(pending.map(|m| m.id))
                .collect();
            let (pool, worker) = (pool.clone(), worker.to_owned());
            tokio::task::spawn_blocking(move || {
                let mut conn = pool.get().map_err(|e| e.to_string())?;
                outbox::release(&mut conn, &rest, &worker).map_err(|e| e.to_string())
            })
            .await
            .map_err(|e| e.to_string())??;
            break;
        }
        let outcome = sender.send(&mail).await;
        let (pool, worker) = (pool.clone(), worker.to_owned());
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            let now = chrono::Utc::now().naive_utc();
            match outcome {
                Ok(()) => outbox::sent(&mut conn, mail.id, &worker, now),
                Err(error) => {
                    tracing::warn!(id = mail.id, %error, "mail not sent, will retry");
                    outbox::failed(&mut conn, mail.id, &worker, mail.attempts, &error, now)
                }
            }
            .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())??;
    }
    Ok(count)
}

/// Runs forever: a round, then a pause when the outbox is empty.
pub async fn run(pool: DbPool, sender: Sender, interval: Duration) {
    let worker = worker_name();
    tracing::info!(%worker, "mail worker started");
    loop {
        match drain_once(&pool, &sender, &worker).await {
            Ok(n) if n >= usize::try_from(BATCH).unwrap_or(usize::MAX) => continue,
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "mail worker round failed"),
        }
        tokio::time::sleep(interval).await;
    }
}
