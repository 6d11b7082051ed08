//! `fetch-ssb` against a local server on 127.0.0.1 that replays SSB's answers from `tests/fixtures/ssb/`.
//! No test here reaches the internet.

use std::net::TcpListener;
use std::process::{Command, Output};

use bosetting::data::{embedded_dataset, load_dataset_file};

use crate::common::stderr;

/// The tests' replaying server (`tests/support/ssb_server.rs`), answering every request.
fn serve() -> String {
    crate::ssb_server::serve(false)
}

fn fetch(base: &str, args: &[&str]) -> Output {
    crate::common::fetch_ssb(base, args)
}

#[test]
fn a_2020_table_from_ssb_lands_on_2024_borders() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("med-ssb.dataset.ron");
    let o = fetch(
        &base,
        &[
            "07459",
            "--dataset",
            "norway-2024",
            "--year",
            "2020",
            "--name",
            "folketall_2020",
            "--kind",
            "extensive",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("SSB table 07459: 07459: Befolkning"), "{err}");
    assert!(err.contains("moved to 2024 borders"), "{err}");
    assert!(err.contains("with 357 values (0 municipalities without a value, 0 unknown codes left out)"), "{err}");
    let d = load_dataset_file(&out).unwrap();
    let col = d.column("folketall_2020").unwrap();
    assert_eq!((col.meta.year.as_str(), col.meta.unit.as_str()), ("2020", "personer"));
    assert_eq!(col.meta.label.nb, "Personer");
    assert!(col.meta.source.contains("07459"));
    let total: f64 = col.values.iter().flatten().sum();
    let d2020 = embedded_dataset("norway-2020").unwrap();
    assert_eq!(total, d2020.municipalities.iter().map(|m| m.population).sum::<f64>());

    // The latest year is on the dataset's own borders: nothing to map.
    let out = dir.path().join("latest.dataset.ron");
    let o = fetch(&base, &["07459", "--dataset", "norway-2024", "--name", "folketall", "--out", out.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("moved to"), "{err}");
    let d = load_dataset_file(&out).unwrap();
    let col = d.column("folketall").unwrap();
    let pop: Vec<Option<f64>> = d.municipalities.iter().map(|m| Some(m.population)).collect();
    assert_eq!(&col.values[..], &pop[..]);
}

#[test]
fn refusals_are_clear_and_write_nothing() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.dataset.ron");
    let o_arg = out.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["05300", "--dataset", "norway-2024", "--name", "x", "--out", o_arg], "has no municipality dimension"),
        (
            &["99999", "--dataset", "norway-2024", "--name", "x", "--out", o_arg],
            "HTTP 404: Non-existent table (no such table",
        ),
        (&["07777", "--dataset", "norway-2024", "--name", "x", "--out", o_arg], "more than SSB's limit of 800000"),
        (&["07459", "--dataset", "norway-2024", "--year", "1999", "--name", "x", "--out", o_arg], "no year \"1999\""),
        (
            &["../etc", "--dataset", "norway-2024", "--name", "x", "--out", o_arg],
            "a table number is letters and digits",
        ),
    ];
    for (args, want) in cases {
        let o = fetch(&base, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!out.exists());
    }
}

#[test]
fn a_timeout_and_a_dead_proxy_are_named() {
    // A server that accepts and never answers.
    let base = crate::ssb_server::serve(true);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.dataset.ron");
    let o = fetch(
        &base,
        &["07459", "--dataset", "norway-2024", "--name", "x", "--timeout", "1", "--out", out.to_str().unwrap()],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("no answer within 1 s (timeout)"), "{err}");

    // A proxy that is not there: the request never leaves this machine.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let proxy = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let o = Command::new(env!("CARGO_BIN_EXE_bosetting"))
        .args(["fetch-ssb", "07459", "--dataset", "norway-2024", "--name", "x", "--timeout", "5"])
        .args(["--base-url", "https://data.ssb.no/api/pxwebapi/v2", "--out", out.to_str().unwrap()])
        .env("HTTPS_PROXY", &proxy)
        .env("ALL_PROXY", &proxy)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("through the proxy 127.0.0.1:"), "{err}");
    assert!(!out.exists());
}
