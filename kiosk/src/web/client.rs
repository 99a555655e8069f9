//! Which address a request came from, for the limits on suggestions, survey forms, cancel codes
//! and staff logins.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use ipnet::IpNet;
use warp::Filter;
use warp::http::HeaderMap;

pub use crate::limits::network;

/// The connection's peer, put on each request by the server ([`super::server`]).
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

/// The connection's peer address, if the server recorded it.
pub fn peer() -> impl Filter<Extract = (Option<SocketAddr>,), Error = Infallible> + Clone {
    warp::ext::optional::<Peer>().map(|p: Option<Peer>| p.map(|p| p.0))
}

/// The visitor's address (see [`client`]), with the daemon's trusted proxies.
pub fn visitor(app: super::Shared) -> impl Filter<Extract = (Option<IpAddr>,), Error = Infallible> + Clone {
    peer()
        .and(warp::header::headers_cloned())
        .and(super::with_app(app))
        .map(|remote: Option<SocketAddr>, headers: HeaderMap, app: super::Shared| {
            client(remote, &headers, &app.config.proxies())
        })
}

/// The visitor's address, as far as it can be known: the connection's, or, for a connection
/// from a trusted proxy, the right-most `X-Forwarded-For` entry that no trusted proxy added.
/// Every header line counts (a proxy may append its own line after the client's), and an
/// entry that is not an address ends the walk there, at the proxy that passed it on.
pub fn client(remote: Option<SocketAddr>, headers: &HeaderMap, proxies: &[IpNet]) -> Option<IpAddr> {
    let mut addr = remote.map(|r| r.ip())?;
    let trusted = |a: &IpAddr| proxies.iter().any(|n| n.contains(a));
    if !trusted(&addr) {
        return Some(addr);
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for entry in entries.iter().rev() {
        let Ok(next) = entry.parse::<IpAddr>() else { break };
        addr = next;
        if !trusted(&addr) {
            break;
        }
    }
    Some(addr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    #[test]
    fn a_proxy_is_believed_only_when_trusted() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.9, 198.51.100.7".parse().unwrap());
        let remote = Some(SocketAddr::from(([127, 0, 0, 1], 4000)));
        assert_eq!(client(remote, &h, &[]), Some("127.0.0.1".parse().unwrap()));
        let proxy = nets(&["127.0.0.1/32"]);
        // The last entry is the one the trusted proxy itself added.
        assert_eq!(client(remote, &h, &proxy), Some("198.51.100.7".parse().unwrap()));
        // A connection from elsewhere is not a proxy, whatever it sends.
        let stranger = Some(SocketAddr::from(([192, 0, 2, 1], 4000)));
        assert_eq!(client(stranger, &h, &proxy), Some("192.0.2.1".parse().unwrap()));
    }

    #[test]
    fn every_header_line_counts_and_trusted_hops_are_skipped() {
        let mut h = HeaderMap::new();
        h.append("x-forwarded-for", "203.0.113.9".parse().unwrap());
        h.append("x-forwarded-for", "198.51.100.7, 10.0.0.2".parse().unwrap());
        let remote = Some(SocketAddr::from(([127, 0, 0, 1], 4000)));
        let proxies = nets(&["127.0.0.1/32", "10.0.0.0/8"]);
        assert_eq!(client(remote, &h, &proxies), Some("198.51.100.7".parse().unwrap()));
        // Garbage stops the walk at the proxy that passed it on.
        let mut bad = HeaderMap::new();
        bad.insert("x-forwarded-for", "203.0.113.9, inte-en-adress".parse().unwrap());
        assert_eq!(client(remote, &bad, &proxies), Some("127.0.0.1".parse().unwrap()));
        // No header: the proxy itself.
        assert_eq!(
            client(remote, &HeaderMap::new(), &proxies),
            Some("127.0.0.1".parse().unwrap())
        );
    }

    #[test]
    fn an_ipv6_address_counts_by_its_network() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        assert_eq!(network(a), "2001:db8:1:2::".parse::<IpAddr>().unwrap());
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(network(v4), v4);
    }
}
