//! A server on 127.0.0.1 that replays SSB's answers from `tests/fixtures/ssb/`, for the unit tests and the
//! integration tests alike (so both test the same answers); test code only, not part of the library. Nothing
//! here reaches the internet.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/ssb/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default()
}

/// The answer to one request: (status, body).
fn route(method: &str, path: &str, body: &str) -> (u16, Vec<u8>) {
    match (method, path.split('?').next().unwrap_or("")) {
        ("GET", "/api/tables/07459/metadata") => (200, fixture("07459-metadata.json")),
        ("POST", "/api/tables/07459/data") if body.contains("\"2020\"") => (200, fixture("07459-data-2020.json")),
        ("POST", "/api/tables/07459/data") => (200, fixture("07459-data-2024.json")),
        ("GET", "/api/tables/05300/metadata") => (200, fixture("05300-metadata.json")),
        // A table whose metadata is fine but whose data request SSB refuses for its size.
        ("GET", "/api/tables/07777/metadata") => (200, fixture("07459-metadata.json")),
        ("POST", "/api/tables/07777/data") => (400, fixture("too-many-cells.json")),
        _ => (404, fixture("no-table.json")),
    }
}

/// Serves every connection on a thread of its own until the test process ends; returns the base URL
/// (`http://127.0.0.1:PORT/api`). `silent`: accept connections and never answer (a server that hangs).
///
/// # Panics
/// When no local port can be bound (a test without a server cannot run anyway).
pub fn serve(silent: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port for the test server");
    let base = format!("http://{}/api", listener.local_addr().expect("the test server's address"));
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            if silent {
                held.push(stream);
                continue;
            }
            std::thread::spawn(move || answer(stream));
        }
    });
    base
}

/// Reads one request and writes the routed answer; a broken connection ends it quietly.
fn answer(stream: TcpStream) -> Option<()> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut first = String::new();
    reader.read_line(&mut first).ok()?;
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let mut parts = first.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let (status, answer) = route(method, path, &String::from_utf8_lossy(&body));
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        answer.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(&answer).ok()
}
