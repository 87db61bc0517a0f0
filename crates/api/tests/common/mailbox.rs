//! What the SMTP server `cargo xtask test` starts has received: it stores
//! each message in a maildir; tests read back those their server sent.

use mailparse::MailHeaderMap;
use std::path::PathBuf;
use std::time::Duration;

/// A received message, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub message_id: String,
}

/// The SMTP server's URL; the mail tests need it.
pub fn smtp_url() -> String {
    std::env::var("STAGES_TEST_SMTP_URL")
        .expect("STAGES_TEST_SMTP_URL: run the mail tests through `cargo xtask test`")
}

fn maildir() -> PathBuf {
    std::env::var("STAGES_TEST_MAILDIR")
        .expect("STAGES_TEST_MAILDIR: run the mail tests through `cargo xtask test`")
        .into()
}

/// Every message received from `from`, oldest first.
pub fn received_from(from: &str) -> Vec<Received> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = ["new", "cur"]
        .iter()
        .filter_map(|sub| std::fs::read_dir(maildir().join(sub)).ok())
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified()).unwrap();
            (modified, e.path())
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|(_, path)| {
            let raw = std::fs::read(&path).ok()?;
            let mail = mailparse::parse_mail(&raw).ok()?;
            let sender = mail.headers.get_first_value("From").unwrap_or_default();
            if !sender.contains(from) {
                return None;
            }
            Some(Received {
                to: mail.headers.get_first_value("To").unwrap_or_default(),
                subject: mail.headers.get_first_value("Subject").unwrap_or_default(),
                body: mail.get_body().unwrap_or_default().replace("\r\n", "\n"),
                message_id: mail
                    .headers
                    .get_first_value("Message-ID")
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Waits until `count` messages from `from` arrived (the server writes
/// each file after the SMTP exchange ends), then returns them.
pub async fn wait_for(from: &str, count: usize) -> Vec<Received> {
    for _ in 0..100 {
        let got = received_from(from);
        if got.len() >= count {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    received_from(from)
}
