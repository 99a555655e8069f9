//! Staff authentication: the session cookie (HttpOnly, SameSite=Strict) and what a staff
//! password must be. A request's staff session and CSRF check are the web layer's
//! (`web::staff`); how many logins are tried is [`crate::login`]'s.

/// The cookie that carries a staff session.
pub const COOKIE: &str = "omtanke_staff";

/// Unix seconds now.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Compares secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Characters a staff password needs at least, not counting spaces at its ends.
pub const MIN_PASSWORD: usize = 10;

/// Why a new staff password is too weak, if it is: shorter than [`MIN_PASSWORD`] once spaces
/// at the ends are left out, or made of fewer than five different characters ("aaaaaaaaaa").
pub fn weak_password(password: &str) -> Option<String> {
    let core = password.trim();
    if core.chars().count() < MIN_PASSWORD {
        return Some(omtanke::msg!("kiosk-password-too-short", minimum = MIN_PASSWORD));
    }
    let mut distinct: Vec<char> = core.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 5 {
        return Some(omtanke::msg!("kiosk-password-too-plain", minimum = 5_usize));
    }
    None
}

/// The cookie that marks a browser where staff have logged in before ("known device", OWASP):
/// such a browser is not refused when strangers have used up the allowance of wrong passwords
/// for everyone (see [`crate::login`]).
pub const DEVICE_COOKIE: &str = "omtanke_enhet";

/// How long a browser stays known, in seconds: a year.
const DEVICE_SECONDS: i64 = 365 * 24 * 3600;

/// A new known-device token under `key` (from [`crate::db::Db::device_key`]): a random nonce and
/// its HMAC. Nothing is stored; a new staff password gives a new key, which forgets every device.
pub fn device_token(key: &[u8; 32]) -> String {
    let nonce = crate::db::random_code(22, b"abcdefghijklmnopqrstuvwxyz0123456789");
    format!("{nonce}.{}", device_mac(key, &nonce))
}

/// Whether `token` is a known-device token under `key`.
pub fn device_known(key: &[u8; 32], token: &str) -> bool {
    token
        .split_once('.')
        .is_some_and(|(nonce, mac)| constant_time_eq(device_mac(key, nonce).as_bytes(), mac.as_bytes()))
}

fn device_mac(key: &[u8; 32], nonce: &str) -> String {
    signature(key, nonce.as_bytes(), 16)
}

/// The first `bytes` bytes of the HMAC-SHA256 of `data` under `key`, in hex: the daemon's
/// signatures (check-in receipts, known devices).
pub fn signature(key: &[u8], data: &[u8], bytes: usize) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("any key length");
    mac.update(data);
    mac.finalize().into_bytes()[..bytes]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `Set-Cookie` value that marks this browser as known, for the login page only.
pub fn device_cookie(token: &str, secure: bool) -> String {
    format!(
        "{DEVICE_COOKIE}={token}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age={DEVICE_SECONDS}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that starts a session. `secure` (a daemon reached over the internet,
/// through https) keeps the browser from ever sending it unencrypted.
pub fn session_cookie(token: &str, secure: bool) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        crate::db::staff::SESSION_SECONDS,
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that ends it.
pub fn clear_cookie() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_device_token_holds_only_under_its_key() {
        let (key, other) = ([7u8; 32], [8u8; 32]);
        let token = device_token(&key);
        assert!(device_known(&key, &token));
        assert!(!device_known(&other, &token), "a new password forgets the device");
        assert!(!device_known(&key, "abc.def"));
        assert!(!device_known(&key, ""));
        assert_ne!(device_token(&key), token, "each browser its own");
    }

    #[test]
    fn weak_passwords_are_named() {
        for weak in [
            "",
            "          ",
            "kort",
            "  nio tecke  ",
            "aaaaaaaaaaaa",
            "abababababab",
        ] {
            assert!(weak_password(weak).is_some(), "{weak:?}");
        }
        for good in ["ett långt lösenord", "blå cykel under äppelträdet", "K7m#2pQ9xz"] {
            assert_eq!(weak_password(good), None, "{good:?}");
        }
    }
}
