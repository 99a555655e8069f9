//! The kiosk's configuration file (`/etc/omtanke-kiosk/kiosk.toml`), with command-line overrides.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use ipnet::IpNet;
use serde::Deserialize;

/// Everything the daemon needs to know.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on; loopback so that only the kiosk's own browser reaches it.
    pub listen: SocketAddr,
    /// The site folder (with site.toml and content/) whose activities can be booked.
    pub content: PathBuf,
    /// The SQLite database file.
    pub database: PathBuf,
    /// Folder for the nightly backups (seven are kept); beside the database when empty.
    pub backup_dir: Option<PathBuf>,
    /// Days after an occurrence that booking names and phone numbers are kept.
    pub retention_days: u32,
    /// The café's name, shown on the screens.
    pub cafe_name: String,
    /// The café's phone number, for cancelling by phone (on receipts); none when not given.
    pub cafe_phone: Option<String>,
    /// Text messages through an SMS gateway; off when not given.
    pub sms: Option<SmsConfig>,
    /// On the website's inbox: the secret the café's kiosk sends when it pulls booking requests
    /// from home (at least 32 characters). Without it, the inbox takes no booking requests.
    pub inbox_token: Option<String>,
    /// On the café's kiosk: the inbox to pull booking requests from.
    pub inbox: Option<InboxConfig>,
    /// Opening hours shown on the home screen, e.g. "Torsdagar 12.00–19.00" (none by default).
    pub opening_hours: Vec<String>,
    /// Seconds without a touch before a screen returns to the start.
    pub idle_seconds: u32,
    /// Days after staff decide on a suggestion that its contact details are kept.
    pub suggestion_contact_days: u32,
    /// Serve only the website's suggestion inbox and the staff pages, not the touch screens:
    /// for a daemon on a server that receives suggestions from the website.
    pub inbox_only: bool,
    /// Older spelling of a proxy on this machine: `true` means `trusted_proxies = ["127.0.0.1/32",
    /// "::1/128"]` when that is not set.
    pub trust_forwarded_for: bool,
    /// Reverse proxies in front of the daemon (networks such as `"127.0.0.1/32"`): for a
    /// connection from one of them, `X-Forwarded-For` names the visitor, read from the right past
    /// every trusted proxy. Empty: the header is never believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Networks staff log in from (the café's own screen and network): never locked out by the
    /// failures of others, and after their own failures still allowed a try a minute.
    pub staff_networks: Vec<IpNet>,
    /// Names the daemon answers to besides `localhost`, loopback addresses, its listen address
    /// and the host of the site's `suggest_url`; any other `Host` is refused (DNS rebinding).
    pub allowed_hosts: Vec<String>,
    /// Connections held open at once, in all.
    pub max_connections: usize,
    /// Connections held open at once from one network (an IPv4 address or an IPv6 /64); a
    /// trusted proxy is counted only against `max_connections`.
    pub max_connections_per_network: usize,
    /// Seconds a client has to send a request's headers, and that an idle kept-alive
    /// connection stays open.
    pub header_timeout_seconds: u64,
    /// The survey's items (a `survey.toml`), e.g. a validated Swedish translation; the shipped
    /// items when empty.
    pub survey_items: Option<PathBuf>,
}

/// `[sms]`: the gateway that sends the kiosk's text messages (46elks's HTTP API shape:
/// `POST` a form with `from`, `to` and `message`, basic authentication).
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsConfig {
    /// The gateway's endpoint, e.g. `https://api.46elks.com/a1/sms`.
    pub url: String,
    /// The account's user name.
    pub user: String,
    /// The account's secret.
    pub secret: String,
    /// Who the messages are from: up to 11 letters and digits, e.g. `Pratcafe`.
    pub sender: String,
    /// The local hour from which the day-before reminders go out (default 10).
    #[serde(default = "default_reminder_hour")]
    pub reminder_hour: u32,
    /// Seconds before the first retry of a failed send; doubled each time (default 30).
    #[serde(default = "default_retry_seconds")]
    pub retry_seconds: u64,
}

impl std::fmt::Debug for SmsConfig {
    // The secret never reaches a log or an error message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsConfig")
            .field("url", &self.url)
            .field("user", &self.user)
            .field("secret", &"…")
            .field("sender", &self.sender)
            .field("reminder_hour", &self.reminder_hour)
            .field("retry_seconds", &self.retry_seconds)
            .finish()
    }
}

impl SmsConfig {
    /// Whether the gateway is on this machine (a test's stand-in), where plain HTTP is allowed.
    pub fn is_loopback(&self) -> bool {
        is_loopback_http(&self.url)
    }

    /// What is wrong with the settings, in words for the person installing the kiosk.
    pub fn problems(&self) -> Vec<String> {
        let mut out = vec![];
        if !self.url.starts_with("https://") && !self.is_loopback() {
            out.push(format!(
                "[sms] url = \"{}\": the gateway must be reached over https://, so that the secret is not sent in clear",
                self.url
            ));
        }
        let sender_ok =
            (1..=11).contains(&self.sender.chars().count()) && self.sender.chars().all(|c| c.is_ascii_alphanumeric());
        if !sender_ok {
            out.push(format!(
                "[sms] sender = \"{}\": write 1 to 11 letters a-z or digits, e.g. \"Pratcafe\"",
                self.sender
            ));
        }
        if self.reminder_hour > 23 {
            out.push(format!(
                "[sms] reminder_hour = {}: write an hour from 0 to 23",
                self.reminder_hour
            ));
        }
        if self.retry_seconds == 0 {
            out.push("[sms] retry_seconds = 0: write at least 1".to_string());
        }
        if self.user.trim().is_empty() || self.secret.trim().is_empty() {
            out.push("[sms]: user and secret are the gateway account's; both must be given".to_string());
        }
        out
    }
}

/// `[inbox]` on the café's kiosk: where residents' booking requests from home wait. The kiosk
/// asks (outbound only: it is never reached from outside) and answers each.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboxConfig {
    /// The inbox's address, e.g. `https://forslag.omtanke.example`.
    pub url: String,
    /// The same secret as the inbox's `inbox_token`.
    pub token: String,
    /// Seconds between two asks (default 10).
    #[serde(default = "default_pull_seconds")]
    pub interval_seconds: u64,
}

/// Whether `url` is plain `http://` to this machine (a test's stand-in), the only place the
/// kiosk's outbound connections (SMS gateway, inbox) may go without TLS.
pub fn is_loopback_http(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', ':']).next().unwrap_or("");
    host == "127.0.0.1" || host == "localhost" || rest.starts_with("[::1]")
}

fn default_pull_seconds() -> u64 {
    10
}

impl std::fmt::Debug for InboxConfig {
    // The token never reaches a log or an error message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InboxConfig")
            .field("url", &self.url)
            .field("token", &"…")
            .field("interval_seconds", &self.interval_seconds)
            .finish()
    }
}

fn default_reminder_hour() -> u32 {
    10
}

fn default_retry_seconds() -> u64 {
    30
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            content: PathBuf::from("."),
            database: PathBuf::from("omtanke-kiosk.sqlite3"),
            backup_dir: None,
            retention_days: 7,
            cafe_name: "Pratcafé Söder".into(),
            cafe_phone: None,
            sms: None,
            inbox_token: None,
            inbox: None,
            // A café writes its own; none is shown until it does.
            opening_hours: vec![],
            idle_seconds: 90,
            suggestion_contact_days: 30,
            inbox_only: false,
            trust_forwarded_for: false,
            trusted_proxies: vec![],
            staff_networks: vec![
                "127.0.0.0/8".parse().expect("a network"),
                "::1/128".parse().expect("a network"),
            ],
            allowed_hosts: vec![],
            max_connections: 512,
            max_connections_per_network: 64,
            header_timeout_seconds: 10,
            survey_items: None,
        }
    }
}

impl Config {
    /// Reads a configuration file; a missing file at the default place means the defaults.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Config> {
        let Some(path) = path else { return Ok(Config::default()) };
        let text = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| {
            let at = e.span().map(|s| {
                let before = &text[..s.start.min(text.len())];
                format!(
                    ":{}:{}",
                    before.matches('\n').count() + 1,
                    before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1
                )
            });
            anyhow::anyhow!("{}{}: {}", path.display(), at.unwrap_or_default(), e.message())
        })
    }

    /// The proxies whose `X-Forwarded-For` is believed.
    pub fn proxies(&self) -> Vec<IpNet> {
        if self.trusted_proxies.is_empty() && self.trust_forwarded_for {
            return vec![
                "127.0.0.1/32".parse().expect("a network"),
                "::1/128".parse().expect("a network"),
            ];
        }
        self.trusted_proxies.clone()
    }

    /// Where backups go.
    pub fn backups(&self) -> PathBuf {
        self.backup_dir.clone().unwrap_or_else(|| {
            self.database
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .join("backups")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped files show every option, commented out; uncommented, they must all be
    /// options the kiosk knows, with values it accepts.
    #[test]
    fn every_option_in_the_shipped_files_is_a_real_one() {
        for (name, text) in [
            ("kiosk/kiosk.toml", include_str!("../kiosk.toml")),
            ("kiosk/debian/kiosk.toml", include_str!("../debian/kiosk.toml")),
        ] {
            let uncommented: String = text
                .lines()
                .map(|l| match l.strip_prefix('#') {
                    Some(rest) if rest.split_once(" = ").is_some_and(|(k, _)| !k.contains(' ')) => rest,
                    // A table header such as #[sms], which the file keeps last.
                    Some(rest) if rest.starts_with('[') && rest.ends_with(']') => rest,
                    _ => l,
                })
                .collect::<Vec<_>>()
                .join("\n");
            let config: Config = toml::from_str(&uncommented).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!config.inbox_only && config.suggestion_contact_days == 30, "{name}");
            for option in [
                "inbox_only",
                "trusted_proxies",
                "staff_networks",
                "allowed_hosts",
                "max_connections",
                "max_connections_per_network",
                "header_timeout_seconds",
                "suggestion_contact_days",
                "survey_items",
                "cafe_phone",
                "url",
                "reminder_hour",
                "inbox_token",
                "interval_seconds",
            ] {
                assert!(text.contains(&format!("#{option} = ")), "{name} shows {option}");
            }
            assert!(config.sms.is_some_and(|s| s.reminder_hour == 10), "{name} shows [sms]");
            assert!(
                config.inbox.is_some_and(|i| i.interval_seconds == 10),
                "{name} shows [inbox]"
            );
        }
    }
}
