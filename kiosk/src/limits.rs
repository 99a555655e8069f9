//! How often one network (and all together) may do something within a window: send a
//! suggestion from the website, start a survey form, type a wrong cancel code. Kept in memory:
//! a restart forgets it, which only ever lets a little more through.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The address counted for a sender: an IPv6 address by its /64, the network one household or
/// phone gets, since it can change the rest of its address at will.
pub fn network(addr: IpAddr) -> IpAddr {
    // An IPv4 client of a daemon listening on IPv6 arrives as ::ffff:a.b.c.d: its own network.
    match addr.to_canonical() {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// Suggestions one network may send from the website per hour.
pub const SUGGESTIONS_PER_NETWORK: usize = 5;
/// Suggestions all networks together may send per hour: more than staff could read, so more
/// means a flood from many addresses.
pub const SUGGESTIONS_IN_ALL: usize = 200;
/// Wrong cancel codes one network may type per hour: enough for every slip of the finger at the
/// café, far too few to guess a code.
pub const WRONG_CODES: usize = 20;

const HOUR: Duration = Duration::from_secs(3600);

/// A limit per network and for all networks together, within a sliding window.
pub struct Limiter {
    per_network: usize,
    all: usize,
    window: Duration,
    seen: Mutex<Arrivals>,
}

/// When the counted events happened within the window: per network, and all together.
#[derive(Default)]
struct Arrivals {
    by_network: HashMap<IpAddr, Vec<Instant>>,
    all: VecDeque<Instant>,
}

impl Limiter {
    /// `per_network` events per network and `all` in all, per `window`.
    pub fn new(per_network: usize, all: usize, window: Duration) -> Limiter {
        Limiter {
            per_network,
            all,
            window,
            seen: Mutex::default(),
        }
    }

    /// The limit on suggestions from the website.
    pub fn suggestions() -> Limiter {
        Limiter::new(SUGGESTIONS_PER_NETWORK, SUGGESTIONS_IN_ALL, HOUR)
    }

    /// The limit on wrong cancel codes.
    pub fn wrong_codes() -> Limiter {
        Limiter::new(WRONG_CODES, 100 * WRONG_CODES, HOUR)
    }

    /// Whether `addr` may do one more now; counts it if so.
    pub fn allow(&self, addr: IpAddr, now: Instant) -> bool {
        self.with(addr, now, |times, all, limiter| {
            if all.len() >= limiter.all || times.len() >= limiter.per_network {
                return false;
            }
            times.push(now);
            all.push_back(now);
            true
        })
    }

    /// Whether `addr` is still under its limit, without counting anything.
    #[cfg(test)]
    fn under(&self, addr: IpAddr, now: Instant) -> bool {
        self.with(addr, now, |times, all, limiter| {
            all.len() < limiter.all && times.len() < limiter.per_network
        })
    }

    /// Takes back one event of `addr` counted at `at` (a code that turned out right).
    pub fn refund(&self, addr: IpAddr, at: Instant) {
        self.with(addr, at, |times, all, _| {
            if let Some(i) = times.iter().rposition(|t| *t == at) {
                times.remove(i);
                if let Some(j) = all.iter().rposition(|t| *t == at) {
                    all.remove(j);
                }
            }
        });
    }

    fn with<T>(
        &self,
        addr: IpAddr,
        now: Instant,
        f: impl FnOnce(&mut Vec<Instant>, &mut VecDeque<Instant>, &Limiter) -> T,
    ) -> T {
        let mut guard = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let Arrivals { by_network, all } = &mut *guard;
        while all.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            all.pop_front();
        }
        // Every network here did something within the window (the total is bounded), so the
        // map stays small; forget those whose window has passed now and then.
        if by_network.len() > self.all {
            by_network.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < self.window));
        }
        let times = by_network.entry(network(addr)).or_default();
        times.retain(|t| now.duration_since(*t) < self.window);
        f(times, all, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_counts_per_network_and_forgets_after_the_window() {
        let l = Limiter::new(5, 200, HOUR);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let t0 = Instant::now();
        for _ in 0..5 {
            assert!(l.allow(a, t0));
        }
        assert!(!l.allow(a, t0 + Duration::from_secs(60)));
        assert!(l.allow(b, t0), "another address has its own count");
        assert!(l.allow(a, t0 + HOUR + Duration::from_secs(1)));
    }

    #[test]
    fn an_ipv6_network_counts_as_one_address_and_all_together_are_capped() {
        let l = Limiter::new(5, 200, HOUR);
        let t0 = Instant::now();
        for i in 0..5 {
            let addr: IpAddr = format!("2001:db8:1:2::{:x}", i + 1).parse().unwrap();
            assert!(l.allow(addr, t0));
        }
        assert!(!l.allow("2001:db8:1:2:ffff::1".parse().unwrap(), t0), "same /64");
        assert!(l.allow("2001:db8:1:3::1".parse().unwrap(), t0), "another /64");
        let l = Limiter::new(5, 200, HOUR);
        let allowed = (0..210)
            .filter(|i| l.allow(IpAddr::from([10, 0, (*i / 256) as u8, (*i % 256) as u8]), t0))
            .count();
        assert_eq!(allowed, 200);
        assert!(l.allow("10.9.9.9".parse().unwrap(), t0 + HOUR), "the window passes");
    }

    #[test]
    fn a_refund_gives_one_event_back() {
        let l = Limiter::new(2, 100, HOUR);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let t0 = Instant::now();
        assert!(l.allow(a, t0) && l.allow(a, t0));
        assert!(!l.under(a, t0));
        l.refund(a, t0);
        assert!(l.under(a, t0));
        assert!(l.allow(a, t0) && !l.allow(a, t0));
    }
}
