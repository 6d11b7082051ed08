//! A server on 127.0.0.1 that replays SSB's answers from `tests/fixtures/ssb/` for the unit tests.
// The planner's fetch tests use it; a build without the window has none of them.
#![cfg_attr(not(feature = "gui"), allow(dead_code))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/ssb/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn route(method: &str, path: &str, body: &str) -> (u16, Vec<u8>) {
    match (method, path.split('?').next().unwrap_or("")) {
        ("GET", "/api/tables/07459/metadata") => (200, fixture("07459-metadata.json")),
        ("POST", "/api/tables/07459/data") if body.contains("\"2020\"") => (200, fixture("07459-data-2020.json")),
        ("POST", "/api/tables/07459/data") => (200, fixture("07459-data-2024.json")),
        _ => (404, fixture("no-table.json")),
    }
}

/// Serves until the test process ends; returns the base URL. `silent`: accept and never answer.
pub fn serve(silent: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/api", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            if silent {
                held.push(stream);
                continue;
            }
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut first = String::new();
                reader.read_line(&mut first).unwrap();
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                let mut parts = first.split_whitespace();
                let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let (status, answer) = route(method, path, &String::from_utf8_lossy(&body));
                let mut stream = stream;
                let head = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    answer.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&answer);
            });
        }
    });
    base
}
