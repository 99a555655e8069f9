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

/// Where the visitors whose address cannot be known are counted, all together: they share
/// one allowance rather than having none.
pub const UNKNOWN: IpAddr = IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);

/// The visitor's address (see [`client`]) with the daemon's trusted proxies, or [`UNKNOWN`].
pub fn visitor(app: super::Shared) -> impl Filter<Extract = (Option<IpAddr>,), Error = Infallible> + Clone {
    peer()
        .and(warp::header::headers_cloned())
        .and(super::with_app(app))
        .map(|remote: Option<SocketAddr>, headers: HeaderMap, app: super::Shared| {
            Some(client(remote, &headers, &app.config.proxies()).unwrap_or(UNKNOWN))
        })
}

/// The visitor's address, as far as it can be known: the connection's, or, for a connection
/// from a trusted proxy, the right-most `X-Forwarded-For` entry that no trusted proxy added.
/// Every header line counts (a proxy may append its own line after the client's), each entry is
/// read on its own (a line with bytes that are not text still has the proxy's entry at its
/// end), and a port after an address is ignored. When the walk cannot get past the proxies (no
/// header, or an entry that is not an address), the visitor is unknown (`None`), never the
/// proxy itself: the proxy's own address may be one staff log in from.
pub fn client(remote: Option<SocketAddr>, headers: &HeaderMap, proxies: &[IpNet]) -> Option<IpAddr> {
    let peer = remote.map(|r| r.ip().to_canonical())?;
    let trusted = |a: &IpAddr| proxies.iter().any(|n| n.contains(a));
    if !trusted(&peer) {
        return Some(peer);
    }
    let lines: Vec<&[u8]> = headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.as_bytes())
        .collect();
    for entry in lines.iter().rev().flat_map(|line| line.rsplit(|b| *b == b',')) {
        let addr = std::str::from_utf8(entry).ok().and_then(|e| address(e.trim()))?;
        if !trusted(&addr) {
            return Some(addr);
        }
    }
    None
}

/// An address as proxies write it: `192.0.2.7`, `192.0.2.7:4711`, `2001:db8::1` or
/// `[2001:db8::1]:443`; IPv4-mapped IPv6 addresses as the IPv4 address they are.
fn address(entry: &str) -> Option<IpAddr> {
    let ip = entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))?;
    Some(ip.to_canonical())
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
        // Garbage the client wrote does not hide the entry the proxy added after it…
        let mut bad = HeaderMap::new();
        bad.insert(
            "x-forwarded-for",
            warp::http::HeaderValue::from_bytes(b"\xff\xfe, 198.51.100.8").unwrap(),
        );
        assert_eq!(client(remote, &bad, &proxies), Some("198.51.100.8".parse().unwrap()));
        // …and when nothing past the proxies is an address, the visitor is unknown, not the proxy.
        let mut only_bad = HeaderMap::new();
        only_bad.insert("x-forwarded-for", "inte-en-adress".parse().unwrap());
        assert_eq!(client(remote, &only_bad, &proxies), None);
        assert_eq!(client(remote, &HeaderMap::new(), &proxies), None);
    }

    #[test]
    fn ports_and_mapped_addresses_are_read_as_the_address() {
        let remote = Some(SocketAddr::from(([127, 0, 0, 1], 4000)));
        let proxies = nets(&["127.0.0.1/32"]);
        for (sent, seen) in [
            ("192.0.2.7:4711", "192.0.2.7"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            ("::ffff:192.0.2.9", "192.0.2.9"),
        ] {
            let mut h = HeaderMap::new();
            h.insert("x-forwarded-for", sent.parse().unwrap());
            assert_eq!(client(remote, &h, &proxies), Some(seen.parse().unwrap()), "{sent}");
        }
        let mapped = Some("[::ffff:192.0.2.1]:5000".parse::<SocketAddr>().unwrap());
        assert_eq!(
            client(mapped, &HeaderMap::new(), &[]),
            Some("192.0.2.1".parse().unwrap())
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
