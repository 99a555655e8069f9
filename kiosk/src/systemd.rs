//! Telling systemd how the daemon is doing (`Type=notify` in the unit): `READY=1` once the
//! listener is bound, `WATCHDOG=1` every half watchdog period but only while the daemon
//! answers its own health check, and `STOPPING=1` on shutdown. Without systemd (no `NOTIFY_SOCKET`) all of this does
//! nothing.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use sd_notify::NotifyState;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest a database check may take before the ping for that period is skipped.
const CHECK_TIMEOUT: Duration = Duration::from_secs(10);

/// Tells systemd that the kiosk is listening.
pub fn ready() {
    send(&[NotifyState::Ready]);
}

/// Tells systemd that the kiosk is stopping.
pub fn stopping() {
    send(&[NotifyState::Stopping]);
}

fn send(state: &[NotifyState]) {
    if let Err(e) = sd_notify::notify(state) {
        tracing::warn!(error = %e, "could not notify systemd");
    }
}

/// Pings the watchdog while the daemon answers `GET /health` over its own socket with 200 (the
/// database answers, and the HTTP side accepts and serves), when systemd asked for it
/// (`WatchdogSec=`). No answer within the timeout means no ping: systemd then restarts the
/// daemon after `WatchdogSec`.
pub async fn watchdog(listening: SocketAddr) {
    let Some(period) = sd_notify::watchdog_enabled() else {
        return;
    };
    let interval = (period / 2).max(Duration::from_millis(100));
    // The check must end well within one interval, so that a healthy ping is never late.
    let timeout = (interval * 2 / 3).min(CHECK_TIMEOUT);
    let target = reachable(listening);
    tracing::info!(every = ?interval, "systemd watchdog enabled");
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut healthy = true;
    loop {
        ticker.tick().await;
        let ok = match tokio::time::timeout(timeout, health(target)).await {
            Ok(Ok(())) => true,
            Ok(Err(why)) => {
                tracing::error!(%why, "health check failed; not pinging the watchdog");
                false
            }
            Err(_) => {
                tracing::error!(?timeout, "no answer to the health check; not pinging the watchdog");
                false
            }
        };
        if ok {
            if !healthy {
                tracing::info!("the daemon answers again");
            }
            send(&[NotifyState::Watchdog]);
        }
        healthy = ok;
    }
}

/// Where this machine reaches a listener: a wildcard address by its loopback.
fn reachable(listening: SocketAddr) -> SocketAddr {
    let ip = match listening.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, listening.port())
}

/// One `GET /health` over a new connection: Ok when the answer is 200.
async fn health(addr: SocketAddr) -> Result<(), String> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| format!("connect: {e}"))?;
    let ip = addr.ip();
    let host = if ip.is_ipv6() {
        format!("[{ip}]")
    } else {
        ip.to_string()
    };
    stream
        .write_all(format!("GET /health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .map_err(|e| format!("send: {e}"))?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.map_err(|e| format!("read: {e}"))?;
    match &head {
        b"HTTP/1.1 200" => Ok(()),
        other => Err(format!("answer {}", String::from_utf8_lossy(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::TcpListener;

    /// A server that answers every connection with `answer` (or never, when empty).
    async fn server(answer: &'static [u8]) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            loop {
                let (mut s, _) = listener.accept().await.unwrap();
                tokio::spawn(async move {
                    let mut buf = [0u8; 1024];
                    let _ = s.read(&mut buf).await;
                    if answer.is_empty() {
                        tokio::time::sleep(Duration::from_secs(5)).await;
                    }
                    let _ = s.write_all(answer).await;
                });
            }
        });
        addr
    }

    #[tokio::test]
    async fn only_a_prompt_200_counts_as_an_answer() {
        let ok = server(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").await;
        assert!(health(ok).await.is_ok());
        let down = server(b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n").await;
        assert!(health(down).await.is_err());
        let hung = server(b"").await;
        let t = Duration::from_millis(200);
        assert!(
            tokio::time::timeout(t, health(hung)).await.is_err(),
            "no answer in time is no answer"
        );
        let closed = TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap();
        assert!(health(closed).await.is_err(), "nothing listening");
        assert_eq!(
            reachable("0.0.0.0:8080".parse().unwrap()),
            "127.0.0.1:8080".parse().unwrap()
        );
    }
}
