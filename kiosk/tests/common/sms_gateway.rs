//! A stand-in of an SMS gateway in 46elks's shape on 127.0.0.1, for the tests of text messages.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request the stand-in received: its Authorization header and its form.
#[derive(Debug, Clone)]
pub struct Sent {
    pub auth: String,
    pub form: Vec<(String, String)>,
}

impl Sent {
    pub fn get(&self, key: &str) -> &str {
        self.form.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
    }
}

/// The stand-in gateway: answers each request with the next scripted status (after its delay),
/// 200 once the script is used up, and reports every request on a channel.
pub struct Gateway {
    /// Where the kiosk sends its messages.
    pub url: String,
    /// Each request as it comes.
    pub received: Receiver<Sent>,
    /// Every request so far.
    pub all: Arc<Mutex<Vec<Sent>>>,
}

pub fn gateway(script: Vec<(u16, Duration)>) -> Gateway {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/a1/sms", listener.local_addr().unwrap());
    let (tx, received) = channel();
    let all = Arc::new(Mutex::new(vec![]));
    let script = Arc::new(Mutex::new(VecDeque::from(script)));
    let seen = all.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (mut auth, mut length) = (String::new(), 0usize);
            let mut line = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                let lower = line.to_ascii_lowercase();
                if lower.starts_with("authorization:") {
                    auth = line["authorization:".len()..].trim().to_string();
                }
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let form = url_decode_form(&String::from_utf8_lossy(&body));
            let sent = Sent { auth, form };
            seen.lock().unwrap().push(sent.clone());
            let _ = tx.send(sent);
            let (status, delay) = script.lock().unwrap().pop_front().unwrap_or((200, Duration::ZERO));
            std::thread::sleep(delay);
            let body = r#"{"status": "created"}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    Gateway { url, received, all }
}

fn url_decode_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.replace('+', " ").into_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
