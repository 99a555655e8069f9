//! `omtanke serve`: the editors' preview. The site is built into memory and served on 127.0.0.1;
//! every save is picked up, only what it affects is rendered again, and open browser tabs reload
//! by themselves. Content errors are shown in the browser with the same message as on the command
//! line, while the rest of the site keeps working from its last good version.

pub mod live;
mod page;
pub mod watch;

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use futures_util::StreamExt;
use tokio::sync::{broadcast, watch as tokio_watch};
use tokio_stream::wrappers::BroadcastStream;
use warp::Filter;
use warp::http::{Response, StatusCode};
use warp::hyper::body::Bytes as HyperBytes;

use crate::build::BuildOptions;
use crate::diagnostics::{self, Diagnostic};
use live::{Bytes, LiveSite, Outcome};

/// Where open pages listen for "reload".
pub const EVENTS_PATH: &str = "/__omtanke/events";

/// What requests see: the files of the last good build and the current errors.
struct Published {
    files: Arc<HashMap<String, Bytes>>,
    /// Each error with the site path of the file it is in, when it has one.
    errors: Vec<(Option<String>, Diagnostic)>,
    /// The path of the site's `base_url` (`/undermapp`): pages are served below it, as they
    /// will be on the host.
    base_path: String,
}

type Shared = Arc<RwLock<Published>>;

fn publish(shared: &Shared, live: &LiveSite) {
    let errors = live.errors.iter().map(|d| (live.url_of(&d.path), d.clone())).collect();
    let files = Arc::new(live.files.clone());
    let base_path = live.base_path();
    let mut p = shared.write().unwrap_or_else(|e| e.into_inner());
    *p = Published {
        files,
        errors,
        base_path,
    };
}

/// Builds the site and serves it on 127.0.0.1:`port` (0 picks a free port) until Ctrl-C,
/// rebuilding on every change. `ready` gets the bound address once the server listens.
pub async fn serve(opts: BuildOptions, port: u16, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let root = opts.root.clone();
    let started = Instant::now();
    let live = LiveSite::new(opts);
    report(&live, &Outcome::Full, started);
    let shared: Shared = Arc::new(RwLock::new(Published {
        files: Arc::new(HashMap::new()),
        errors: vec![],
        base_path: String::new(),
    }));
    publish(&shared, &live);
    let (reload, _) = broadcast::channel::<u64>(16);

    let (_watcher, changes) = watch::watch(&root).map_err(std::io::Error::other)?;
    {
        let shared = shared.clone();
        let reload = reload.clone();
        std::thread::spawn(move || rebuild_loop(live, changes, shared, reload));
    }

    let (stop_tx, stop_rx) = tokio_watch::channel(false);
    let events = {
        let reload = reload.clone();
        warp::path!("__omtanke" / "events").and(warp::get()).map(move || {
            let mut stop = stop_rx.clone();
            let stream = BroadcastStream::new(reload.subscribe())
                .filter_map(|v| async move { v.ok() })
                .map(|v| Ok::<_, Infallible>(warp::sse::Event::default().event("reload").data(v.to_string())))
                // Open event streams end on Ctrl-C, so the server can stop.
                .take_until(async move {
                    let _ = stop.wait_for(|s| *s).await;
                });
            warp::sse::reply(warp::sse::keep_alive().stream(stream))
        })
    };
    let pages = {
        let shared = shared.clone();
        warp::get()
            .and(warp::path::full())
            .map(move |path: warp::path::FullPath| respond(&shared, path.as_str()))
    };
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    ready(listener.local_addr()?);
    warp::serve(events.or(pages))
        .incoming(listener)
        .graceful(async move {
            let _ = tokio::signal::ctrl_c().await;
            let _ = stop_tx.send(true);
        })
        .run()
        .await;
    Ok(())
}

/// How long the site must be quiet before the summaries (feeds, search index) are brought up to
/// date after quick updates: they take longer than a page, and nobody is looking at them mid-edit.
const SUMMARIES_AFTER: std::time::Duration = std::time::Duration::from_millis(800);

fn rebuild_loop(
    mut live: LiveSite,
    changes: std::sync::mpsc::Receiver<Vec<std::path::PathBuf>>,
    shared: Shared,
    reload: broadcast::Sender<u64>,
) {
    let mut version = 0u64;
    let mut summaries_stale = false;
    loop {
        let next = if summaries_stale {
            changes.recv_timeout(SUMMARIES_AFTER)
        } else {
            changes
                .recv()
                .map_err(|_| std::sync::mpsc::RecvTimeoutError::Disconnected)
        };
        let mut paths = match next {
            Ok(paths) => paths,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                live.refresh_summaries();
                publish(&shared, &live);
                summaries_stale = false;
                continue;
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        };
        // Saves that arrived meanwhile are handled in the same round.
        while let Ok(more) = changes.try_recv() {
            paths.extend(more);
        }
        paths.sort();
        paths.dedup();
        let started = Instant::now();
        let outcome = live.update(&paths);
        if outcome == Outcome::Pages(vec![]) {
            continue;
        }
        publish(&shared, &live);
        report(&live, &outcome, started);
        version += 1;
        let _ = reload.send(version);
        summaries_stale = matches!(outcome, Outcome::Pages(_));
    }
}

fn report(live: &LiveSite, outcome: &Outcome, started: Instant) {
    let ms = started.elapsed().as_millis();
    match outcome {
        Outcome::Full => eprintln!(
            "{}",
            crate::msg!("serve-built", files = live.files.len(), ms = ms as u64)
        ),
        Outcome::Pages(urls) => eprintln!(
            "{}",
            crate::msg!("serve-updated", pages = urls.join(", "), ms = ms as u64)
        ),
        Outcome::Failed => {
            diagnostics::print(&live.errors);
            eprintln!("{}", crate::msg!("serve-failed"));
        }
    }
}

/// Why a request path is refused.
fn unsafe_path(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    // Encoded slashes and backslashes would let a path step out of its folder once decoded.
    lower.contains("%2f") || lower.contains("%5c") || raw.contains('\\')
}

fn respond(shared: &Shared, raw: &str) -> Response<HyperBytes> {
    if unsafe_path(raw) {
        return plain(StatusCode::BAD_REQUEST, "Ogiltig adress.");
    }
    let Ok(decoded) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
        return plain(StatusCode::BAD_REQUEST, "Ogiltig adress.");
    };
    if decoded.split('/').any(|seg| seg == ".." || seg == ".") {
        return plain(StatusCode::BAD_REQUEST, "Ogiltig adress.");
    }
    let published = shared.read().unwrap_or_else(|e| e.into_inner());
    let base = published.base_path.as_str();
    // A site published under a sub-path is served under it too; its root leads there.
    let url = match decoded.strip_prefix(base) {
        _ if base.is_empty() => decoded.to_string(),
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        _ if decoded == "/" || decoded == base => return redirect(&format!("{base}/")),
        _ => "/finns-inte-under-sajtens-adress".to_string(),
    };
    let own_errors: Vec<&Diagnostic> = published
        .errors
        .iter()
        .filter(|(u, _)| u.as_deref().is_none_or(|u| same_page(&url, u)))
        .map(|(_, d)| d)
        .collect();
    if !own_errors.is_empty() && (url.ends_with('/') || url.ends_with(".html")) {
        return html(StatusCode::INTERNAL_SERVER_ERROR, page::errors(&own_errors));
    }
    let key = url.trim_start_matches('/');
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    let all_errors: Vec<&Diagnostic> = published.errors.iter().map(|(_, d)| d).collect();
    match published.files.get(&key) {
        Some(bytes) if key.ends_with(".html") => html(StatusCode::OK, page::inject(bytes, &all_errors)),
        Some(bytes) => {
            let mime = mime_guess::from_path(&key).first_or_octet_stream();
            Response::builder()
                .status(StatusCode::OK)
                .header("content-type", mime.as_ref())
                .header("cache-control", "no-store")
                .body(HyperBytes::copy_from_slice(bytes))
                .expect("valid response")
        }
        None if published.files.contains_key(&format!("{key}/index.html")) => redirect(&format!("{base}{url}/")),
        None => match published.files.get("404.html") {
            Some(bytes) => html(StatusCode::NOT_FOUND, page::inject(bytes, &all_errors)),
            None if !all_errors.is_empty() => html(StatusCode::INTERNAL_SERVER_ERROR, page::errors(&all_errors)),
            None => plain(StatusCode::NOT_FOUND, "Sidan finns inte."),
        },
    }
}

/// Whether a requested path is the page at `url` or one of its translations (`/en/…`).
fn same_page(requested: &str, url: &str) -> bool {
    requested == url
        || requested
            .strip_suffix(url.trim_start_matches('/'))
            .is_some_and(|prefix| {
                prefix.len() == 4
                    && prefix.starts_with('/')
                    && prefix.ends_with('/')
                    && prefix[1..3].bytes().all(|b| b.is_ascii_lowercase())
            })
}

fn redirect(to: &str) -> Response<HyperBytes> {
    Response::builder()
        .status(StatusCode::MOVED_PERMANENTLY)
        .header("location", to)
        .body(HyperBytes::new())
        .expect("valid response")
}

fn html(status: StatusCode, body: String) -> Response<HyperBytes> {
    Response::builder()
        .status(status)
        .header("content-type", "text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .body(HyperBytes::from(body))
        .expect("valid response")
}

fn plain(status: StatusCode, text: &str) -> Response<HyperBytes> {
    Response::builder()
        .status(status)
        .header("content-type", "text/plain; charset=utf-8")
        .body(HyperBytes::from(text.to_string()))
        .expect("valid response")
}
