//! The write path as a property: for every command that writes, a write cut short at any point (here by the
//! file-size limit, `ulimit -f`, at sizes from nothing to most of the file) leaves every file that existed
//! byte-identical (a backup may hold the replaced file's old content) and no temporary behind, and says which
//! file could not be written.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use bosetting::data::{embedded_dataset, to_file};

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect()
}

/// A folder with a scenario on its own dataset file and an old version of every output.
fn workspace(dir: &Path) {
    let text = bosetting::fileio::to_ron_pretty(&to_file(&embedded_dataset("norway-2024").unwrap()), 2).unwrap();
    std::fs::write(dir.join("d.dataset.ron"), text).unwrap();
    let scenario = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2024.ron"))
        .unwrap()
        .replace("Embedded(\"norway-2024\")", "File(\"d.dataset.ron\")");
    std::fs::write(dir.join("plan.ron"), scenario).unwrap();
    for name in [
        "out.csv",
        "status.json",
        "rev.csv",
        "cmp.csv",
        "fig.svg",
        "rep.pdf",
        "moved.ron",
        "moved.dataset.ron",
        "imp.dataset.ron",
    ] {
        std::fs::write(dir.join(name), format!("the old {name}")).unwrap();
    }
}

const COMMANDS: [&str; 9] = [
    "allocate plan.ron --format csv --out out.csv",
    "followup plan.ron --request anmodning_2024 --decisions vedtak_2024 --format json --out status.json",
    "revise plan.ron --from anmodning_2024 --target 30000 --out rev.csv",
    "compare plan.ron plan.ron --out cmp.csv",
    "figure plan.ron --kind top --out fig.svg",
    "report plan.ron --out rep.pdf",
    "migrate plan.ron --to 2020 --out moved.ron",
    "import FIXTURE --dataset d.dataset.ron --value-column 2024 --name x_2024 --out imp.dataset.ron",
    "import FIXTURE --dataset norway-2024 --value-column 2024 --name x_2024 --out imp.dataset.ron",
];

#[cfg(unix)]
#[test]
fn a_write_cut_short_anywhere_leaves_every_file_as_it_was() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/ssb_tab_hidden.tsv");
    for command in COMMANDS {
        let mut failed = 0;
        for blocks in [0, 1, 3, 10, 40, 160, 640] {
            let dir = tempfile::tempdir().unwrap();
            workspace(dir.path());
            let before = snapshot(dir.path());
            let run = format!(
                "ulimit -f {blocks} && exec '{}' {} --force",
                env!("CARGO_BIN_EXE_bosetting"),
                command.replace("FIXTURE", fixture)
            );
            let o = Command::new("sh").args(["-c", &run]).current_dir(dir.path()).output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            let after = snapshot(dir.path());
            let case = format!("`{command}` under ulimit -f {blocks}");
            assert!(after.keys().all(|n| !n.starts_with(".bst")), "{case}: a temporary is left: {:?}", after.keys());
            for (name, old) in &before {
                if name == "plan.ron" || name == "d.dataset.ron" {
                    assert_eq!(&after[name], old, "{case}: an input changed");
                }
            }
            if o.status.success() {
                continue;
            }
            failed += 1;
            let last = err.lines().last().unwrap_or_default();
            assert!(
                last.starts_with("bosetting: cannot write ") && last.ends_with(": File too large (os error 27)"),
                "{case}: {err}"
            );
            for (name, now) in &after {
                match before.get(name) {
                    Some(old) => assert_eq!(now, old, "{case}: {name} changed"),
                    // A new backup holds the old content of the file it belongs to.
                    None => {
                        let of = name.strip_suffix(".bak").unwrap_or_else(|| panic!("{case}: new file {name}"));
                        assert_eq!(Some(now), before.get(of), "{case}: {name}");
                    }
                }
            }
        }
        assert!(failed >= 2, "`{command}`: the limits never cut a write short");
    }
}

/// The same property for an interrupt: each writing command, sent SIGTERM at moments from its start to its end,
/// leaves every file either as it was or wholly replaced (the new content equals an uninterrupted run's, and a
/// `.bak` holds the old), both files of `migrate` or neither, and no temporary.
#[cfg(unix)]
#[test]
fn an_interrupt_at_any_moment_leaves_files_whole() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/ssb_tab_hidden.tsv");
    let bin = env!("CARGO_BIN_EXE_bosetting");
    for command in COMMANDS {
        let command = command.replace("FIXTURE", fixture);
        let reference = tempfile::tempdir().unwrap();
        workspace(reference.path());
        let run = format!("exec '{bin}' {command} --force");
        let o = Command::new("sh").args(["-c", &run]).current_dir(reference.path()).output().unwrap();
        assert!(o.status.success(), "`{command}`: {}", String::from_utf8_lossy(&o.stderr));
        let finished = snapshot(reference.path());
        for delay_ms in [0u64, 2, 10, 30, 80, 200] {
            let dir = tempfile::tempdir().unwrap();
            workspace(dir.path());
            let before = snapshot(dir.path());
            let mut child = Command::new("sh")
                .args(["-c", &run])
                .current_dir(dir.path())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(delay_ms));
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            child.wait().unwrap();
            let after = snapshot(dir.path());
            let case = format!("`{command}` interrupted after {delay_ms} ms");
            assert!(after.keys().all(|n| !n.starts_with(".bst")), "{case}: a temporary is left: {:?}", after.keys());
            for (name, old) in &before {
                let now = &after[name];
                if now == old {
                    continue;
                }
                assert_eq!(Some(now), finished.get(name), "{case}: {name} is neither the old file nor the new one");
                assert_eq!(after.get(&format!("{name}.bak")), Some(old), "{case}: {name} replaced without its backup");
            }
            let moved = ["moved.ron", "moved.dataset.ron"].map(|n| after[n] != before[n]);
            assert_eq!(moved[0], moved[1], "{case}: one file of migrate's pair was written without the other");
        }
    }
}
