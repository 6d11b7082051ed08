//! Running the built `bosetting` binary as a user would, from the repository root.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

use std::process::{Command, Output};

pub fn bosetting(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bosetting"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run bosetting")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `bosetting fetch-ssb ARGS` against a local SSB server at `base`, with no proxy from the environment in the way.
pub fn fetch_ssb(base: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bosetting"))
        .arg("fetch-ssb")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("BOSETTING_SSB_URL", base)
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .output()
        .expect("run bosetting fetch-ssb")
}
