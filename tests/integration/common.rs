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
    let mut command = Command::new(env!("CARGO_BIN_EXE_bosetting"));
    command.arg("fetch-ssb").args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    to_local_ssb(&mut command, base).output().expect("run bosetting fetch-ssb")
}

/// `command` pointed at the local SSB server at `base`, with no proxy from the environment in the way.
pub fn to_local_ssb<'a>(command: &'a mut Command, base: &str) -> &'a mut Command {
    command.env("BOSETTING_SSB_URL", base);
    for proxy in ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy"] {
        command.env_remove(proxy);
    }
    command
}

/// A folder with `data/synthetic.dataset.ron` (40 municipalities) and `plan.ron`, the IMDi 2020 scenario on it
/// with a target of 800 (20 unaccompanied minors, 300 resettlement refugees).
pub fn synthetic_workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    use bosetting::data::{save_dataset_file, synthetic::synthetic_dataset};
    use bosetting::scenario::{DatasetRef, parse_scenario, save_scenario};
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    save_dataset_file(&synthetic_dataset(40, 9), &dir.path().join("data/synthetic.dataset.ron")).unwrap();
    let mut s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
    s.dataset = DatasetRef::File("data/synthetic.dataset.ron".into());
    s.target.total = 800;
    s.target.minors = 20;
    s.target.resettlement = 300;
    let plan = dir.path().join("plan.ron");
    save_scenario(&plan, &s).unwrap();
    (dir, plan)
}
