//! Slows down password guessing without locking people out.
//!
//! Failures are counted per account *and* address: after a few free
//! mistakes, each further failure doubles the wait before the next try from
//! that address on that account (1 s, 2 s, 4 s… up to 15 min). Someone
//! guessing one account from one address is slowed to a crawl, while the
//! account's owner signs in from anywhere else at once, and the people
//! behind the same address (a campus NAT, a reverse proxy) are not locked
//! out by another's mistakes. An address that fails on very many accounts
//! (password spraying) is slowed the same way, past a much higher count and
//! for a minute at most, since everyone behind a NAT shares that address.
//! Kept in memory: each replica counts its own attempts.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures of one account from one address before any wait.
pub const FREE_FAILURES_PER_ACCOUNT: u32 = 3;
/// Failures from one address, all accounts together, before any wait.
pub const FREE_FAILURES_PER_ADDRESS: u32 = 100;
/// Longest wait of one account from one address.
pub const MAX_DELAY: Duration = Duration::from_secs(15 * 60);
/// Longest wait of a whole address: everyone behind a campus NAT shares
/// it, so one person's spraying must not keep them out for long.
pub const MAX_ADDRESS_DELAY: Duration = Duration::from_secs(60);
/// A count is forgotten this long after its last failure.
pub const FORGET_AFTER: Duration = Duration::from_secs(60 * 60);
/// Most counts kept: past it, new (account, address) pairs are not
/// counted, while addresses still are, so that memory stays bounded.
pub const MAX_ENTRIES: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Count {
    failures: u32,
    last: Instant,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Pair(String, IpAddr),
    Address(IpAddr),
}

#[derive(Debug, Default)]
pub struct Throttle {
    counts: Mutex<HashMap<Key, Count>>,
}

fn account(username: &str) -> String {
    username.trim().to_lowercase()
}

/// The wait after `failures`, when `free` of them cost nothing, at most
/// `max`.
fn delay(failures: u32, free: u32, max: Duration) -> Duration {
    match failures.checked_sub(free) {
        None => Duration::ZERO,
        Some(extra) => Duration::from_secs(1u64 << extra.min(10)).min(max),
    }
}

impl Throttle {
    /// Seconds to wait before this account may be tried again from this
    /// address, if any.
    pub fn retry_after(&self, username: &str, address: IpAddr) -> Option<u64> {
        self.retry_after_at(username, address, Instant::now())
    }

    fn retry_after_at(&self, username: &str, address: IpAddr, now: Instant) -> Option<u64> {
        let counts = self.counts.lock().ok()?;
        [
            (
                Key::Pair(account(username), address),
                FREE_FAILURES_PER_ACCOUNT,
                MAX_DELAY,
            ),
            (
                Key::Address(address),
                FREE_FAILURES_PER_ADDRESS,
                MAX_ADDRESS_DELAY,
            ),
        ]
        .into_iter()
        .filter_map(|(key, free, max)| {
            let count = counts.get(&key)?;
            let until = count.last + delay(count.failures, free, max);
            (until > now).then(|| until.duration_since(now).as_secs().max(1))
        })
        .max()
    }

    pub fn failed(&self, username: &str, address: IpAddr) {
        self.failed_at(username, address, Instant::now());
    }

    fn failed_at(&self, username: &str, address: IpAddr, now: Instant) {
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        if counts.len() >= MAX_ENTRIES {
            counts.retain(|_, c| now.duration_since(c.last) < FORGET_AFTER);
        }
        // Past the bound, only counts already kept go on counting.
        let keys = [Key::Pair(account(username), address), Key::Address(address)]
            .into_iter()
            .filter(|key| counts.len() < MAX_ENTRIES || counts.contains_key(key))
            .collect::<Vec<_>>();
        for key in keys {
            let count = counts.entry(key).or_insert(Count {
                failures: 0,
                last: now,
            });
            if now.duration_since(count.last) >= FORGET_AFTER {
                count.failures = 0;
            }
            count.failures += 1;
            count.last = now;
        }
    }

    /// A successful sign-in clears this account's failures from this
    /// address.
    pub fn succeeded(&self, username: &str, address: IpAddr) {
        if let Ok(mut counts) = self.counts.lock() {
            counts.remove(&Key::Pair(account(username), address));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn each_failure_past_the_free_ones_doubles_the_wait() {
        assert_eq!(delay(2, 3, MAX_DELAY), Duration::ZERO);
        assert_eq!(delay(3, 3, MAX_DELAY), Duration::from_secs(1));
        assert_eq!(delay(4, 3, MAX_DELAY), Duration::from_secs(2));
        assert_eq!(delay(8, 3, MAX_DELAY), Duration::from_secs(32));
        assert_eq!(delay(40, 3, MAX_DELAY), MAX_DELAY);
        assert_eq!(delay(140, 100, MAX_ADDRESS_DELAY), MAX_ADDRESS_DELAY);
    }

    #[test]
    fn guessing_is_slowed_for_that_address_only() {
        let t = Throttle::default();
        let now = Instant::now();
        let (attacker, owner) = (ip("203.0.113.9"), ip("198.51.100.7"));
        for _ in 0..FREE_FAILURES_PER_ACCOUNT - 1 {
            t.failed_at("Camille", attacker, now);
        }
        assert_eq!(t.retry_after_at("camille", attacker, now), None);
        for _ in 0..4 {
            t.failed_at("camille", attacker, now);
        }
        assert_eq!(t.retry_after_at("CAMILLE", attacker, now), Some(8));
        // The owner, elsewhere, is not kept waiting; another account from
        // the attacker's address neither.
        assert_eq!(t.retry_after_at("camille", owner, now), None);
        assert_eq!(t.retry_after_at("dominique", attacker, now), None);
        // The wait ends by itself; success clears the count.
        let later = now + Duration::from_secs(9);
        assert_eq!(t.retry_after_at("camille", attacker, later), None);
        t.succeeded("camille", attacker);
        t.failed_at("camille", attacker, later);
        assert_eq!(t.retry_after_at("camille", attacker, later), None);
    }

    #[test]
    fn an_address_trying_very_many_accounts_is_slowed() {
        let t = Throttle::default();
        let now = Instant::now();
        let sprayer = ip("203.0.113.10");
        for i in 0..FREE_FAILURES_PER_ADDRESS {
            t.failed_at(&format!("user{i}"), sprayer, now);
        }
        assert!(t.retry_after_at("someone-else", sprayer, now).is_some());
        assert!(
            t.retry_after_at("someone-else", ip("203.0.113.11"), now)
                .is_none()
        );
    }
}
