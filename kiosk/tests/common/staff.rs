//! A member of staff in tests: setting the password with `omtanke-kiosk passwd`, logging in,
//! and requests with the session cookie.

use std::io::Write;
use std::process::{Command, Stdio};

use super::{BIN, Kiosk, Reply, form_body};

/// Sets the staff password with `omtanke-kiosk passwd`, reading it from standard input.
/// The password the tests set.
pub const PASSWORD: &str = "ett långt lösenord";

pub fn set_password(k: &Kiosk, password: &str) {
    let mut child = Command::new(BIN)
        .arg("--db")
        .arg(&k.db)
        .arg("passwd")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run passwd");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "passwd failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A logged-in member of staff: the cookie to send.
pub struct StaffClient<'a> {
    /// The kiosk.
    pub k: &'a Kiosk,
    /// The `Cookie` header's value.
    pub cookie: String,
}

impl StaffClient<'_> {
    /// GET with the session cookie.
    pub fn get(&self, path: &str) -> Reply {
        self.k.request("GET", path, &[("cookie", &self.cookie)], b"")
    }

    /// POST a form with the session cookie.
    pub fn post(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        let body = form_body(form);
        self.k.request(
            "POST",
            path,
            &[
                ("cookie", &self.cookie),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            body.as_bytes(),
        )
    }

    /// The CSRF token in the forms of a page.
    pub fn csrf(&self, path: &str) -> String {
        let page = self.get(path);
        assert_eq!(page.status, 200, "{}", page.body);
        super::field_value(&page.body, "csrf")
    }
}

/// Logs in with `password`; the login page's answer when it refuses.
pub fn login<'a>(k: &'a Kiosk, password: &str) -> Result<StaffClient<'a>, Reply> {
    let r = k.post_form("/admin/login", &[("losenord", password)]);
    if r.status != 303 {
        return Err(r);
    }
    assert_eq!(r.header("location"), Some("/admin"));
    let cookie = r
        .header("set-cookie")
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    Ok(StaffClient { k, cookie })
}
