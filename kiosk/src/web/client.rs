//! Which address a request came from, for the limits on suggestions and on staff logins.

use std::net::{IpAddr, SocketAddr};

use warp::http::HeaderMap;

/// Which address a post came from: the connection's, or the proxy's word for it when the
/// configuration says a proxy in front can be trusted.
pub fn client(remote: Option<SocketAddr>, headers: &HeaderMap, trust_proxy: bool) -> Option<IpAddr> {
    if trust_proxy {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    remote.map(|r| r.ip())
}

/// The address counted for a sender: an IPv6 address by its /64, the network one household or
/// phone gets, since it can change the rest of its address at will.
pub fn network(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxy_is_believed_only_when_trusted() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.9, 198.51.100.7".parse().unwrap());
        let remote = Some(SocketAddr::from(([127, 0, 0, 1], 4000)));
        assert_eq!(client(remote, &h, false), Some("127.0.0.1".parse().unwrap()));
        // The last entry is the one the trusted proxy itself added.
        assert_eq!(client(remote, &h, true), Some("198.51.100.7".parse().unwrap()));
    }

    #[test]
    fn an_ipv6_address_counts_by_its_network() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        assert_eq!(network(a), "2001:db8:1:2::".parse::<IpAddr>().unwrap());
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(network(v4), v4);
    }
}
