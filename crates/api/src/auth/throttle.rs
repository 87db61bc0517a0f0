//! Slows down password guessing: after too many failures for one username
//! or from one address within a window, sign-in answers 429 with the time
//! to wait. Kept in memory: each replica counts its own attempts, which
//! still bounds guessing to a few per minute per replica.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed per username, and per client address, in a window.
pub const MAX_FAILURES_PER_USER: u32 = 5;
pub const MAX_FAILURES_PER_ADDRESS: u32 = 20;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone, Copy)]
struct Count {
    failures: u32,
    since: Instant,
}

#[derive(Debug, Default)]
pub struct Throttle {
    counts: Mutex<HashMap<String, Count>>,
}

fn user_key(username: &str) -> String {
    format!("user:{}", username.to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("addr:{address}")
}

impl Throttle {
    /// Seconds to wait before trying again, when over a limit.
    pub fn retry_after(&self, username: &str, address: &str) -> Option<u64> {
        let counts = self.counts.lock().ok()?;
        let now = Instant::now();
        [
            (user_key(username), MAX_FAILURES_PER_USER),
            (address_key(address), MAX_FAILURES_PER_ADDRESS),
        ]
        .into_iter()
        .filter_map(|(key, max)| {
            let count = counts.get(&key)?;
            let elapsed = now.duration_since(count.since);
            (count.failures >= max && elapsed < WINDOW).then(|| (WINDOW - elapsed).as_secs().max(1))
        })
        .max()
    }

    pub fn failed(&self, username: &str, address: &str) {
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        let now = Instant::now();
        counts.retain(|_, c| now.duration_since(c.since) < WINDOW);
        for key in [user_key(username), address_key(address)] {
            let count = counts.entry(key).or_insert(Count {
                failures: 0,
                since: now,
            });
            count.failures += 1;
        }
    }

    /// A successful sign-in clears the username's failures.
    pub fn succeeded(&self, username: &str) {
        if let Ok(mut counts) = self.counts.lock() {
            counts.remove(&user_key(username));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_username_is_locked_after_its_failures_and_freed_by_success() {
        let t = Throttle::default();
        for _ in 0..MAX_FAILURES_PER_USER - 1 {
            t.failed("Camille", "10.0.0.1");
        }
        assert_eq!(t.retry_after("camille", "10.0.0.2"), None);
        t.failed("camille", "10.0.0.1");
        let wait = t.retry_after("CAMILLE", "10.0.0.2").expect("locked");
        assert!(wait > 0 && wait <= WINDOW.as_secs());
        t.succeeded("camille");
        assert_eq!(t.retry_after("camille", "10.0.0.2"), None);
    }

    #[test]
    fn an_address_trying_many_names_is_locked() {
        let t = Throttle::default();
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            t.failed(&format!("user{i}"), "10.0.0.9");
        }
        assert!(t.retry_after("someone-else", "10.0.0.9").is_some());
        assert!(t.retry_after("someone-else", "10.0.0.10").is_none());
    }
}
