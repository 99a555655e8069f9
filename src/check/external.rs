//! `omtanke check --external`: asking other sites whether the pages linked to still exist.
//!
//! Off by default: it needs the internet, takes time, and another site being down says nothing
//! about this site's content, so failures are warnings.

#[cfg(feature = "external-links")]
use std::collections::BTreeMap;
use std::ops::Range;
#[cfg(feature = "external-links")]
use std::sync::Mutex;
use std::time::Duration;

#[cfg(feature = "external-links")]
use crate::diagnostics::Diagnostic;
use crate::diagnostics::Source;

/// How long one request may take.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Requests at a time; small, to be polite to the sites asked.
#[cfg(feature = "external-links")]
const WORKERS: usize = 8;

/// A link to another site, and where it is written.
#[derive(Debug, Clone)]
pub struct ExternalLink {
    /// The address.
    pub url: String,
    /// The file it is in.
    pub source: Source,
    /// Where in the file.
    pub span: Range<usize>,
}

/// Checks every address once (HEAD, then GET where HEAD fails, as some servers refuse HEAD)
/// and warns at every place an unreachable one is written.
#[cfg(feature = "external-links")]
pub fn check(links: Vec<ExternalLink>, diags: &mut Vec<Diagnostic>) {
    let mut by_url: BTreeMap<String, Vec<ExternalLink>> = BTreeMap::new();
    for l in links {
        by_url.entry(l.url.clone()).or_default().push(l);
    }
    let urls: Vec<&String> = by_url.keys().collect();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .user_agent("omtanke-check (link checker)")
        .build()
        .into();
    let queue = Mutex::new(urls.iter());
    let failures = Mutex::new(vec![]);
    std::thread::scope(|s| {
        for _ in 0..WORKERS.min(urls.len()) {
            s.spawn(|| {
                loop {
                    let next = queue.lock().map(|mut q| q.next().copied());
                    let Ok(Some(url)) = next else { break };
                    if let Err(why) = probe(&agent, url)
                        && let Ok(mut f) = failures.lock()
                    {
                        f.push((url.clone(), why));
                    }
                }
            });
        }
    });
    for (url, why) in failures.into_inner().unwrap_or_default() {
        for l in &by_url[&url] {
            diags.push(
                Diagnostic::error(
                    &l.source,
                    Some(l.span.clone()),
                    crate::msg!("check-external-failed", url = url.as_str(), why = why.as_str()),
                )
                .warning()
                .help(crate::msg!("check-external-failed-help")),
            );
        }
    }
}

/// Whether an address answers with a page; the reason when it does not.
#[cfg(feature = "external-links")]
fn probe(agent: &ureq::Agent, url: &str) -> Result<(), String> {
    let ok = |status: u16| (200..400).contains(&status);
    match agent.head(url).call() {
        Ok(r) if ok(r.status().as_u16()) => return Ok(()),
        _ => {}
    }
    match agent.get(url).call() {
        Ok(r) if ok(r.status().as_u16()) => Ok(()),
        Ok(r) => Err(crate::msg!(
            "check-external-why-status",
            status = r.status().to_string()
        )),
        Err(e) => Err(crate::msg!("check-external-why-unreachable", error = e.to_string())),
    }
}
