//! The HTTP server around the routes: how many connections are held and for how long, which
//! `Host` names are answered, and `HEAD`. warp's own server has no timeouts and no caps, and a
//! daemon on the internet (the website's inbox) must not be held by clients that connect and
//! never finish a request, so connections are served here with hyper directly.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use ipnet::IpNet;
use tokio::net::TcpListener;
use tower_service::Service;
use warp::Reply;
use warp::http::{Method, Request, StatusCode};

use super::client::{Peer, network};
use super::{Shared, routes};

/// The longest a request may take once its headers are in (its body and the answer): a body
/// sent a byte at a time must not hold a connection for ever.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Open connections, in all and per network, so that one network cannot take them all.
#[derive(Default)]
struct Connections {
    per_network: HashMap<IpAddr, usize>,
    all: usize,
}

/// One held connection; dropping it frees its place.
struct Held {
    counts: Arc<Mutex<Connections>>,
    network: Option<IpAddr>,
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut c = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        c.all -= 1;
        if let Some(n) = self.network
            && let Some(count) = c.per_network.get_mut(&n)
        {
            *count -= 1;
            if *count == 0 {
                c.per_network.remove(&n);
            }
        }
    }
}

/// The limits of [`serve`].
struct Limits {
    all: usize,
    per_network: usize,
    /// Proxies count only against `all`: every visitor behind them shares their address.
    proxies: Vec<IpNet>,
}

impl Limits {
    /// Takes a place for a connection from `peer`, or none when the limits are reached.
    fn admit(&self, counts: &Arc<Mutex<Connections>>, peer: IpAddr) -> Option<Held> {
        let mut c = counts.lock().unwrap_or_else(|e| e.into_inner());
        if c.all >= self.all {
            return None;
        }
        let network = (!self.proxies.iter().any(|n| n.contains(&peer))).then(|| network(peer));
        if let Some(n) = network {
            let count = c.per_network.entry(n).or_default();
            if *count >= self.per_network {
                return None;
            }
            *count += 1;
        }
        c.all += 1;
        Some(Held {
            counts: counts.clone(),
            network,
        })
    }
}

/// Serves the daemon's routes on `listener` until `shutdown` resolves, then lets the requests
/// in flight finish.
pub async fn serve(app: Shared, listener: TcpListener, shutdown: impl Future<Output = ()>) {
    let limits = Limits {
        all: app.config.max_connections.max(1),
        per_network: app.config.max_connections_per_network.max(1),
        proxies: app.config.proxies(),
    };
    let header_timeout = Duration::from_secs(app.config.header_timeout_seconds.max(1));
    let hosts = Arc::new(super::hosts::Allowed::new(&app, listener.local_addr().ok()));
    let filter = routes(app);
    let counts = Arc::new(Mutex::new(Connections::default()));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors, most likely: wait a moment rather than spin.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(held) = limits.admit(&counts, peer.ip().to_canonical()) else {
            tracing::debug!(%peer, "connection refused: too many open");
            drop(stream);
            continue;
        };
        let service = RequestService {
            inner: warp::service(filter.clone()),
            peer,
            hosts: hosts.clone(),
        };
        let conn = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .serve_connection(
                TokioIo::new(stream),
                hyper::service::service_fn(move |req| service.call(req)),
            );
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _held = held;
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
}

/// What each request goes through before the routes.
struct RequestService<S> {
    inner: S,
    peer: SocketAddr,
    hosts: Arc<super::hosts::Allowed>,
}

impl<S> RequestService<S>
where
    S: Service<Request<Incoming>, Response = warp::reply::Response, Error = std::convert::Infallible> + Clone,
{
    fn call(
        &self,
        mut req: Request<Incoming>,
    ) -> impl Future<Output = Result<warp::reply::Response, std::convert::Infallible>> + use<S> {
        let allowed = self.hosts.allows(&req);
        req.extensions_mut().insert(Peer(self.peer));
        // HEAD is GET without the body; hyper leaves the body out of the answer itself.
        if req.method() == Method::HEAD {
            *req.method_mut() = Method::GET;
        }
        let mut inner = self.inner.clone();
        async move {
            if !allowed {
                return Ok(misdirected());
            }
            match tokio::time::timeout(REQUEST_TIMEOUT, inner.call(req)).await {
                Ok(reply) => reply,
                Err(_) => {
                    Ok(warp::reply::with_status("Det tog för lång tid.", StatusCode::REQUEST_TIMEOUT).into_response())
                }
            }
        }
    }
}

fn misdirected() -> warp::reply::Response {
    let mut r = warp::reply::with_status(
        "Den här adressen hör inte till kiosken.",
        StatusCode::MISDIRECTED_REQUEST,
    )
    .into_response();
    r.headers_mut()
        .insert("connection", warp::http::HeaderValue::from_static("close"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_capped_per_network_and_in_all() {
        let limits = Limits {
            all: 3,
            per_network: 2,
            proxies: vec!["10.0.0.1/32".parse().unwrap()],
        };
        let counts = Arc::default();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "2001:db8::1".parse().unwrap();
        let b2: IpAddr = "2001:db8::2".parse().unwrap();
        let first = limits.admit(&counts, a).unwrap();
        let _second = limits.admit(&counts, a).unwrap();
        assert!(limits.admit(&counts, a).is_none(), "a third from one network");
        let _v6 = limits.admit(&counts, b).unwrap();
        assert!(limits.admit(&counts, b2).is_none(), "all three places taken");
        drop(first);
        assert!(limits.admit(&counts, b2).is_some(), "a freed place can be taken");
        let counts = Arc::default();
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let held: Vec<_> = (0..3).filter_map(|_| limits.admit(&counts, proxy)).collect();
        assert_eq!(held.len(), 3, "a proxy is held only to the total");
    }
}
