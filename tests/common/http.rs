//! The tests' HTTP client, shared by the generator's tests (`serve`) and the kiosk's
//! (`kiosk/tests/common` includes this file): a real client library, so that what the tests
//! check is what a browser or a script would get.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    /// A header's value (first one), by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One HTTP request through a real client (ureq), as a browser or a script would send it:
/// redirects are not followed and error statuses are answers, so tests see exactly what the
/// kiosk said. Headers given here are sent as they are (several lines of one name stay several).
pub fn request(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let agent = agent(Some(Duration::from_secs(30)));
    let mut request = ureq::http::Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(body.to_vec()).expect("a valid request");
    let response = match agent.run(request) {
        Ok(response) => response,
        // A refused upload may be answered and closed before the whole body is sent; the
        // kiosk's answer is what the test checks, so read it the way the server wrote it.
        Err(ureq::Error::Io(_)) if !body.is_empty() => return raw_request(addr, method, path, headers, body),
        // No answer at all (the kiosk was killed, the connection refused): status 0.
        Err(e) => {
            return Reply {
                status: 0,
                headers: vec![],
                body: e.to_string(),
            };
        }
    };
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = response
        .into_body()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_string()
        .unwrap_or_default();
    Reply { status, headers, body }
}

/// A GET whose answer goes on (server-sent events): its status and its body's lines as they come.
pub fn stream(addr: &str, path: &str) -> (u16, impl Iterator<Item = String>) {
    use std::io::BufRead;
    let response = agent(None)
        .get(format!("http://{addr}{path}"))
        .call()
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let status = response.status().as_u16();
    let lines = std::io::BufReader::new(response.into_body().into_reader()).lines();
    (status, lines.map_while(Result::ok))
}

fn agent(timeout: Option<Duration>) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .allow_non_standard_methods(true)
        .timeout_global(timeout)
        .build()
        .into()
}

/// The request written by hand on a socket, for an answer the server gives before it has read
/// the whole body (a client library reports that as a broken pipe instead of the answer).
fn raw_request(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let Ok(mut s) = TcpStream::connect(addr) else {
        return Reply {
            status: 0,
            headers: vec![],
            body: "no connection".into(),
        };
    };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect();
    // Refusals are short and sent whole (Content-Length), never chunked.
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}
