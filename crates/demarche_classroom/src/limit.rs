//! Rate limits: a token bucket per client. Joins are limited per address, so that short join
//! codes cannot be guessed by trying; every request is limited per client ([`Client`]: its
//! session when it has a valid one, else its address), so that a flooding client is answered
//! 429 at once, before any work, and the class does not slow down.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// Who a request is counted against.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Client {
    /// A valid session: a team member's token, or the teacher.
    Session(String),
    /// A client without a valid session, by address (a made-up cookie gets no bucket of its
    /// own).
    Address(IpAddr),
}

/// A token bucket per key.
pub struct Limiter<K> {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<K, (f64, Instant)>>,
}

/// Most clients remembered; beyond it the full buckets are forgotten.
const MAX_CLIENTS: usize = 10_000;

impl<K: Hash + Eq> Limiter<K> {
    /// `burst` attempts at once, then `per_second` a second.
    pub fn new(burst: u32, per_second: f64) -> Limiter<K> {
        Limiter {
            burst: f64::from(burst.max(1)),
            per_second: per_second.max(0.0),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one attempt for `key`; `false` when it has none left.
    pub fn allow(&self, key: K) -> bool {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > MAX_CLIENTS {
            let (burst, rate) = (self.burst, self.per_second);
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < burst
            });
        }
        let (tokens, at) = buckets.entry(key).or_insert((self.burst, now));
        *tokens =
            (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_refusals_per_key() {
        let limiter = Limiter::new(3, 0.0);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!((0..3).all(|_| limiter.allow(a)));
        assert!(!limiter.allow(a));
        assert!(limiter.allow(b));
        let sessions = Limiter::new(1, 0.0);
        assert!(sessions.allow(Client::Session("x".into())));
        assert!(!sessions.allow(Client::Session("x".into())));
        assert!(sessions.allow(Client::Session("y".into())));
    }
}
