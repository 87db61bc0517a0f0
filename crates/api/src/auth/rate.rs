//! A ceiling on anonymous requests that cost the server or a third party:
//! starting a single sign-on writes a row, and a callback makes the server
//! call the provider. Counted per address in fixed windows, generously
//! (a campus NAT puts hundreds of people behind one address at 8 a.m.),
//! so that one client cannot flood the table or turn Stages against the
//! university's CAS. IPv6 addresses count by their /64, which one client
//! usually holds whole. Kept in memory: each replica counts its own.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most addresses counted: past it, windows already over are forgotten,
/// and if none is, new addresses pass uncounted (memory stays bounded).
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug)]
pub struct PerAddress {
    limit: u32,
    window: Duration,
    counts: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

/// The part of an address one client holds.
fn key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => {
            let mut segments = v6.segments();
            segments[4..].fill(0);
            IpAddr::V6(segments.into())
        }
    }
}

impl PerAddress {
    /// At most `limit` requests per address in each `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit,
            window,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request from `address`: `Some(seconds)` to wait when the
    /// address is over its limit (the request is then not served).
    pub fn hit(&self, address: IpAddr) -> Option<u64> {
        self.hit_at(address, Instant::now())
    }

    fn hit_at(&self, address: IpAddr, now: Instant) -> Option<u64> {
        let Ok(mut counts) = self.counts.lock() else {
            return None;
        };
        let key = key(address);
        if counts.len() >= MAX_ENTRIES && !counts.contains_key(&key) {
            let window = self.window;
            counts.retain(|_, (start, _)| now.duration_since(*start) < window);
            if counts.len() >= MAX_ENTRIES {
                return None;
            }
        }
        let (start, count) = counts.entry(key).or_insert((now, 0));
        if now.duration_since(*start) >= self.window {
            *start = now;
            *count = 0;
        }
        if *count >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(*start));
            return Some(left.as_secs().max(1));
        }
        *count += 1;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_past_its_limit_waits_for_the_next_window() {
        let rate = PerAddress::new(3, Duration::from_secs(60));
        let now = Instant::now();
        let client: IpAddr = "203.0.113.9".parse().expect("address");
        let other: IpAddr = "203.0.113.10".parse().expect("address");
        for _ in 0..3 {
            assert_eq!(rate.hit_at(client, now), None);
        }
        assert_eq!(rate.hit_at(client, now + Duration::from_secs(20)), Some(40));
        assert_eq!(rate.hit_at(other, now), None, "another address is not held");
        assert_eq!(rate.hit_at(client, now + Duration::from_secs(60)), None);
    }

    #[test]
    fn an_ipv6_client_counts_by_its_prefix() {
        let rate = PerAddress::new(1, Duration::from_secs(60));
        let now = Instant::now();
        let first: IpAddr = "2001:db8:1:2::1".parse().expect("address");
        let same_prefix: IpAddr = "2001:db8:1:2:ffff::9".parse().expect("address");
        let elsewhere: IpAddr = "2001:db8:1:3::1".parse().expect("address");
        assert_eq!(rate.hit_at(first, now), None);
        assert!(rate.hit_at(same_prefix, now).is_some());
        assert_eq!(rate.hit_at(elsewhere, now), None);
    }
}
