//! The outbox worker: claims due mails, sends them over SMTP (lettre),
//! records the outcome. Several replicas may run one each: a claimed mail
//! is leased to one worker, and each send is bounded well within the
//! lease, so none is sent by two workers.

use super::outbox::{self, BATCH, Claimed};
use crate::app::evaluations::links::{self, LinkSigner};
use crate::db::DbPool;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Longest a whole SMTP exchange may take (connection, greeting, every
/// command and the data), not only each read: a relay that accepts and
/// then stalls is given up on after this. A worker starts no send later
/// than twice this before its lease ends.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a mail was not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    pub message: String,
    /// The relay could not be reached or did not answer (as opposed to a
    /// refusal of this mail): once it sends again, mails waiting out their
    /// back-off are tried at once.
    pub relay_trouble: bool,
}

/// Sends mail through one SMTP server.
#[derive(Clone)]
pub struct Sender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    timeout: Duration,
    /// Set when a send failed for the relay's sake, cleared by the next
    /// success (shared by the clones of one sender).
    relay_failing: Arc<AtomicBool>,
    /// Signs the tutors' links that queued mails hold as placeholders.
    links: Option<LinkSigner>,
}

impl Sender {
    /// `smtp://host:port` (plain, e.g. a local relay), `smtp://host?tls=required`
    /// (STARTTLS) or `smtps://user:password@host` (TLS), as lettre reads them.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        Self::with_timeout(url, from, SEND_TIMEOUT)
    }

    /// The same, with another bound on each send (tests of a stalled relay).
    pub fn with_timeout(url: &str, from: &str, timeout: Duration) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("invalid SMTP URL {url:?}: {e}"))?
            .timeout(Some(timeout))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("invalid sender address {from:?}: {e}"))?;
        Ok(Self {
            transport,
            from,
            timeout,
            relay_failing: Arc::default(),
            links: None,
        })
    }

    /// The signer of the tutors' evaluation links, which the queued mails
    /// hold as placeholders ([`crate::app::evaluations::links::placeholder`]).
    pub fn with_links(mut self, signer: LinkSigner) -> Self {
        self.links = Some(signer);
        self
    }

    /// The domain of the sender's address, for the mails' Message-ID.
    fn domain(&self) -> String {
        self.from.email.domain().to_owned()
    }

    /// Sends one mail, within [`Self::timeout`] whatever the relay does.
    pub async fn send(&self, mail: &Claimed) -> Result<(), SendError> {
        let refused = |message: String| SendError {
            message,
            relay_trouble: false,
        };
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| refused(format!("invalid recipient {}: {e}", mail.recipient)))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(message_id(mail, &self.domain())))
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| refused(e.to_string()))?;
        match tokio::time::timeout(self.timeout, self.transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(SendError {
                relay_trouble: !e.is_permanent(),
                message: e.to_string(),
            }),
            Err(_) => Err(SendError {
                message: format!(
                    "the SMTP relay did not complete the send within {} s",
                    self.timeout.as_secs()
                ),
                relay_trouble: true,
            }),
        }
    }
}

/// The mail's Message-ID: made of its outbox row, so that every attempt
/// to send it carries the same one and a mail a stalled relay delivered
/// after all is recognised as a duplicate by the receiving servers.
pub fn message_id(mail: &Claimed, domain: &str) -> String {
    format!(
        "<stages.{}.{}@{domain}>",
        mail.id,
        mail.created_at.and_utc().timestamp()
    )
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

/// Database work of the worker, off the async threads.
async fn blocking<T, F>(pool: &DbPool, work: F) -> Result<T, String>
where
    T: Send + 'static,
    F: FnOnce(&mut crate::db::AnyConnection) -> diesel::QueryResult<T> + Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        crate::db::checkout::with_connection(&pool, |conn| work(conn).map_err(|e| e.to_string()))
    })
    .await
    .map_err(|e| e.to_string())?
}

/// SIG-17 when the mail goes, not only when it was queued: a link for the
/// tutor, the host's signatory or a minor's legal representative goes only
/// to an address staff vouch for now. One withdrawn meanwhile (an
/// administrator's withdrawal racing the scheduler or a circuit) keeps the
/// mail back, and it goes with a later try if staff vouch again.
fn still_vouched_for(
    conn: &mut crate::db::AnyConnection,
    mail: &Claimed,
) -> Result<(), crate::error::ApiError> {
    use stages_domain::signature::{self, Party};
    let party = match (mail.link_id, mail.signature_request_id) {
        (Some(_), _) => Party::Tutor,
        (None, Some(request)) => crate::db::codec::from_code::<Party>(
            &crate::db::signatures::find_request(conn, request)?.party,
        )?,
        (None, None) => return Ok(()),
    };
    if !signature::link_needs_vouched_address(party) {
        return Ok(());
    }
    let vouched = crate::db::vouched_addresses::is_vouched(conn, &mail.recipient)?;
    signature::check_link_address(party, true, vouched)
        .map_err(|r| crate::error::ApiError::refusal(&r))
}

/// The mail with its tutor's link signed in place of the placeholder,
/// just before sending (the outbox keeps the placeholder).
async fn with_link(
    pool: &DbPool,
    signer: Option<LinkSigner>,
    mail: Claimed,
) -> Result<Claimed, String> {
    if mail.link_id.is_none() && mail.signature_request_id.is_none() {
        return Ok(mail);
    }
    let signer = signer.ok_or("the mail carries a link, and this worker has no signer")?;
    blocking(pool, move |conn| {
        let filled = (|| {
            still_vouched_for(conn, &mail)?;
            let mut body = mail.body.clone();
            if let Some(link) = mail.link_id {
                body = links::fill_placeholder(conn, &signer, &body, link)?;
            }
            if let Some(request) = mail.signature_request_id {
                body =
                    crate::app::signing::fill_placeholders(conn, &signer.signing, &body, request)?;
            }
            Ok::<_, crate::error::ApiError>(body)
        })();
        Ok(filled.map(|body| Claimed { body, ..mail }))
    })
    .await?
    .map_err(|e| e.to_string())
}

/// One round: claim due mails, send them, record each outcome. Returns how
/// many were claimed.
pub async fn drain_once(pool: &DbPool, sender: &Sender, worker: &str) -> Result<usize, String> {
    let claimed_at = chrono::Utc::now().naive_utc();
    let claimed = {
        let worker = worker.to_owned();
        blocking(pool, move |conn| {
            outbox::claim(conn, &worker, claimed_at, BATCH)
        })
        .await?
    };
    let count = claimed.len();
    // Each send ends within the sender's timeout: one started before this
    // ends well before the lease, and the lease is never outlived.
    let margin = chrono::Duration::from_std(sender.timeout * 2).map_err(|e| e.to_string())?;
    let last_start = claimed_at + outbox::LEASE - margin;
    let mut pending = claimed.into_iter();
    while let Some(mail) = pending.next() {
        if chrono::Utc::now().naive_utc() > last_start {
            let rest: Vec<i64> = std::iter::once(mail.id)
                .chain(pending.map(|m| m.id))
                .collect();
            let worker = worker.to_owned();
            blocking(pool, move |conn| outbox::release(conn, &rest, &worker)).await?;
            break;
        }
        // A mail whose link cannot be signed fails alone; the others go.
        let outcome = match with_link(pool, sender.links.clone(), mail.clone()).await {
            Ok(ready) => sender.send(&ready).await,
            Err(message) => Err(SendError {
                message,
                relay_trouble: false,
            }),
        };
        let recovered = match &outcome {
            Ok(()) => sender.relay_failing.swap(false, Ordering::SeqCst),
            Err(e) => {
                if e.relay_trouble {
                    sender.relay_failing.store(true, Ordering::SeqCst);
                }
                false
            }
        };
        let worker = worker.to_owned();
        blocking(pool, move |conn| {
            let now = chrono::Utc::now().naive_utc();
            match outcome {
                Ok(()) => {
                    outbox::sent(conn, mail.id, &worker, now)?;
                    if recovered {
                        // The relay works again: what waited out a back-off
                        // because of it is due now, not in up to an hour.
                        let due = outbox::retry_now(conn, now)?;
                        tracing::info!(due, "the SMTP relay sends again: waiting mails retried");
                    }
                    Ok(())
                }
                Err(error) => {
                    tracing::warn!(id = mail.id, error = %error.message, "mail not sent, will retry");
                    // A refusal of this mail is not brought forward when
                    // the relay recovers ([`outbox::retry_now`]).
                    let message = if error.relay_trouble {
                        error.message
                    } else {
                        format!("{}{}", outbox::REFUSED, error.message)
                    };
                    outbox::failed(conn, mail.id, &worker, mail.attempts, &message, now)
                        .map(|_| ())
                }
            }
        })
        .await?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_id_is_the_same_for_every_attempt() {
        let mail = Claimed {
            id: 42,
            recipient: "a@b.fr".into(),
            subject: "s".into(),
            body: "b".into(),
            attempts: 0,
            created_at: chrono::DateTime::from_timestamp(1_800_000_000, 0)
                .expect("time")
                .naive_utc(),
            link_id: None,
            signature_request_id: None,
        };
        let again = Claimed {
            attempts: 3,
            ..mail.clone()
        };
        assert_eq!(
            message_id(&mail, "univ-demo.fr"),
            "<stages.42.1800000000@univ-demo.fr>"
        );
        assert_eq!(
            message_id(&mail, "univ-demo.fr"),
            message_id(&again, "univ-demo.fr")
        );
    }
}
