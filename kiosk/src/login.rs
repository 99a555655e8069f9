//! How many staff logins are tried, and how many at once. Measured against OWASP ASVS 4.0 §2.2.1
//! (anti-automation that works against brute force without letting anyone lock the account):
//!
//! - each attempt is counted as a failure *before* its password is checked (and taken back
//!   when it was right), so a burst of attempts sent together is counted in full;
//! - one network (an IPv4 address, an IPv6 /64) gets [`PER_NETWORK`] failures per
//!   [`WINDOW`]; all networks together [`GLOBAL`] per [`GLOBAL_WINDOW`], which bounds the
//!   guesses against the one staff password to 100 an hour, as §2.2.1 asks;
//! - the networks staff work from (`staff_networks`: the café's screen and network) are never
//!   refused because of others' failures, and after their own failures still get one try per
//!   [`FLOOR`]: strangers cannot lock staff out, and a prankster at the screen only slows
//!   staff down;
//! - a browser where staff logged in before carries a signed "known device" cookie (OWASP's
//!   device cookies) and is not refused by the limit for all together, only by its network's:
//!   strangers cannot keep staff at home out either;
//! - at most [`POOL`] passwords are checked at once; argon2 takes ~19 MiB each, so memory stays
//!   bounded however many attempts arrive.

use std::time::Duration;

use tokio::sync::Semaphore;

/// Failures one network may have within [`WINDOW`].
pub const PER_NETWORK: i64 = 5;
/// The window of [`PER_NETWORK`], in seconds.
pub const WINDOW: i64 = 15 * 60;
/// Failures all networks together may have within [`GLOBAL_WINDOW`].
pub const GLOBAL: i64 = 100;
/// The window of [`GLOBAL`], in seconds.
pub const GLOBAL_WINDOW: i64 = 3600;
/// On a staff network past its limit: one try per this many seconds.
pub const FLOOR: i64 = 60;
/// Password checks at once.
pub const POOL: usize = 2;
/// How long an attempt waits for a place in the pool before it is told to try again.
pub const POOL_WAIT: Duration = Duration::from_secs(10);

/// Why an attempt is not tried now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// This network had too many failures; try again in this many minutes.
    Network(i64),
    /// Too many failures from everywhere lately; try again in this many minutes.
    Everyone(i64),
}

/// Whether an attempt may be tried, given this network's failures within [`WINDOW`], all
/// failures within [`GLOBAL_WINDOW`], this network's last failure, whether it is a staff
/// network, and whether the browser is a known device.
pub fn decide(here: i64, all: i64, last_here: Option<i64>, staff: bool, known: bool, now: i64) -> Result<(), Refusal> {
    if staff {
        let since_last = last_here.map_or(i64::MAX, |t| now - t);
        return if here < PER_NETWORK || since_last >= FLOOR {
            Ok(())
        } else {
            Err(Refusal::Network(1))
        };
    }
    if here >= PER_NETWORK {
        return Err(Refusal::Network(WINDOW / 60));
    }
    if all >= GLOBAL && !known {
        return Err(Refusal::Everyone(GLOBAL_WINDOW / 60));
    }
    Ok(())
}

/// The pool of password checks.
pub struct Pool(Semaphore);

impl Default for Pool {
    fn default() -> Self {
        Pool(Semaphore::new(POOL))
    }
}

impl Pool {
    /// Waits for a place, at most [`POOL_WAIT`]; none when the wait was too long.
    pub async fn enter(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        tokio::time::timeout(POOL_WAIT, self.0.acquire()).await.ok()?.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_gets_five_tries_and_everyone_a_hundred() {
        assert_eq!(decide(0, 0, None, false, false, 1000), Ok(()));
        assert_eq!(decide(4, 99, Some(999), false, false, 1000), Ok(()));
        assert_eq!(decide(5, 5, Some(999), false, false, 1000), Err(Refusal::Network(15)));
        assert_eq!(decide(0, 100, None, false, false, 1000), Err(Refusal::Everyone(60)));
        // A known device is not kept out by strangers, only by its own network's failures.
        assert_eq!(decide(0, 100, None, false, true, 1000), Ok(()));
        assert_eq!(decide(5, 100, Some(999), false, true, 1000), Err(Refusal::Network(15)));
    }

    #[test]
    fn a_staff_network_is_slowed_never_locked() {
        // Others' failures do not count against the café.
        assert_eq!(decide(0, 10_000, None, true, false, 1000), Ok(()));
        // Its own: after five, one try a minute.
        assert_eq!(decide(5, 5, Some(990), true, false, 1000), Err(Refusal::Network(1)));
        assert_eq!(decide(50, 50, Some(1000 - FLOOR), true, false, 1000), Ok(()));
    }

    #[tokio::test]
    async fn the_pool_lets_two_in_at_once() {
        let pool = Pool::default();
        let a = pool.enter().await.unwrap();
        let _b = pool.enter().await.unwrap();
        assert!(pool.0.try_acquire().is_err(), "a third waits");
        drop(a);
        assert!(pool.enter().await.is_some());
    }
}
