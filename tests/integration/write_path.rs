//! The write path as a property: for every command that writes, a write that fails at any point — cut short by
//! the file-size limit (`ulimit -f`) at sizes from nothing to most of the file, refused for want of permission
//! (a folder the user cannot write, a file in a shared folder that belongs to someone else), or stopped by a
//! full disk with from no room at all to most of the file's room left — leaves every file that existed
//! byte-identical (a backup may hold the replaced file's old content) and no temporary behind, and says which
//! file could not be written and why, in words.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
    "import FIXTURE --dataset d.dataset.ron --value-column 2024 --name x_2024 --source Testkilde --licence CC0 --out imp.dataset.ron",
    "import FIXTURE --dataset norway-2024 --value-column 2024 --name x_2024 --source Testkilde --licence CC0 --out imp.dataset.ron",
];

/// The cause given for a write cut short by the file-size limit.
fn file_too_large(_: &str) -> String {
    "the file is larger than this process may write (File too large; see ulimit -f)".to_owned()
}

/// The cause given for a write that found the disk full.
fn disk_full(_: &str) -> String {
    "the disk is full (No space left on device); free some space or write to another disk".to_owned()
}

/// The files `command` writes: its `--out`, and for `migrate` the dataset beside it.
fn outputs(command: &str) -> Vec<String> {
    let out = command.split_whitespace().skip_while(|w| *w != "--out").nth(1).unwrap_or_default().to_owned();
    let mut names = vec![out.clone()];
    if command.starts_with("migrate") {
        names.push(out.replace(".ron", ".dataset.ron"));
    }
    names
}

/// Checks a run of `command` against the property; `true` when the command failed. A failure must end with the
/// line `bosetting: cannot write FILE: CAUSE`, FILE one of the command's outputs and CAUSE `cause(FILE)`; every
/// file that was there before is unchanged, and a new file is only a backup holding the old content of the file
/// it belongs to.
fn left_as_it_was(
    (case, command): (&str, &str),
    o: &Output,
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
    cause: fn(&str) -> String,
) -> bool {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(after.keys().all(|n| !n.starts_with(".bst")), "{case}: a temporary is left: {:?}", after.keys());
    for name in ["plan.ron", "d.dataset.ron"] {
        assert_eq!(after.get(name), before.get(name), "{case}: an input changed");
    }
    if o.status.success() {
        return false;
    }
    let last = err.lines().last().unwrap_or_default();
    let expected: Vec<String> =
        outputs(command).iter().map(|n| format!("bosetting: cannot write {n}: {}", cause(n))).collect();
    assert!(expected.iter().any(|e| e == last), "{case}: {err}\nexpected one of {expected:#?}");
    for (name, now) in after {
        match before.get(name) {
            Some(old) => assert_eq!(now, old, "{case}: {name} changed"),
            // A new backup holds the old content of the file it belongs to.
            None => {
                let of = name.strip_suffix(".bak").unwrap_or_else(|| panic!("{case}: new file {name}"));
                assert_eq!(Some(now), before.get(of), "{case}: {name}");
            }
        }
    }
    for name in before.keys() {
        assert!(after.contains_key(name), "{case}: {name} is gone");
    }
    true
}

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
            let case = format!("`{command}` under ulimit -f {blocks}");
            if left_as_it_was((&case, command), &o, &before, &snapshot(dir.path()), file_too_large) {
                failed += 1;
            }
        }
        assert!(failed >= 2, "`{command}`: the limits never cut a write short");
    }
}

/// `fetch-ssb` under the same limits, against the tests' local SSB server: what it fetched is written through
/// the same path, and a write cut short leaves the old dataset file whole.
#[cfg(unix)]
#[test]
fn a_fetch_from_ssb_cut_short_leaves_every_file_as_it_was() {
    let base = crate::ssb_server::serve(false);
    let command = "fetch-ssb 07459 --dataset d.dataset.ron --year 2020 --name folketall_2020 --kind extensive \
                   --out imp.dataset.ron";
    let mut failed = 0;
    for blocks in [0, 1, 3, 10, 40, 160, 640] {
        let dir = tempfile::tempdir().unwrap();
        workspace(dir.path());
        let before = snapshot(dir.path());
        let run = format!("ulimit -f {blocks} && exec '{}' {command} --force", env!("CARGO_BIN_EXE_bosetting"));
        let mut sh = Command::new("sh");
        sh.args(["-c", &run]).current_dir(dir.path());
        let o = crate::common::to_local_ssb(&mut sh, &base).output().unwrap();
        let case = format!("`{command}` under ulimit -f {blocks}");
        if left_as_it_was((&case, command), &o, &before, &snapshot(dir.path()), file_too_large) {
            failed += 1;
        } else {
            let written = std::fs::read_to_string(dir.path().join("imp.dataset.ron")).unwrap();
            assert!(written.contains("folketall_2020"), "{case}: the fetched column is in the file");
        }
    }
    assert!(failed >= 2, "`fetch-ssb`: the limits never cut a write short");
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

/// What the permission and full-disk tests share: the program and the imported file where an unprivileged user
/// can read them (the checkout may be in a folder only its owner can enter), and what the machine allows.
#[cfg(unix)]
struct Rig {
    _dir: tempfile::TempDir,
    bin: PathBuf,
    fixture: PathBuf,
}

#[cfg(unix)]
impl Rig {
    fn new() -> Rig {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let bin = dir.path().join("bosetting");
        if std::fs::hard_link(env!("CARGO_BIN_EXE_bosetting"), &bin).is_err() {
            std::fs::copy(env!("CARGO_BIN_EXE_bosetting"), &bin).unwrap();
        }
        let fixture = dir.path().join("in.tsv");
        std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/ssb_tab_hidden.tsv"), &fixture)
            .unwrap();
        for file in [&bin, &fixture] {
            let mode = std::fs::metadata(file).unwrap().permissions().mode() | 0o444;
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        Rig { _dir: dir, bin, fixture }
    }

    /// The command line of `command` with `--force`, for `sh -c`.
    fn line(&self, command: &str) -> String {
        format!("'{}' {} --force", self.bin.display(), command.replace("FIXTURE", &self.fixture.display().to_string()))
    }
}

/// Whether this process runs as root: permissions then do not stop it, but it may act as another user.
#[cfg(unix)]
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    tempfile::tempfile().unwrap().metadata().unwrap().uid() == 0
}

/// Whether `sh -c line` runs and succeeds here.
fn works(line: &str) -> bool {
    Command::new("sh").args(["-c", line]).output().is_ok_and(|o| o.status.success())
}

/// A part of a test the machine does not allow (no setpriv or unshare, or no right to mount, as in a container
/// without CAP_SYS_ADMIN): said on standard error, so a log shows what was not checked, and the rest still runs.
fn cannot(what: &str) {
    eprintln!("write_path: not checked on this machine: {what}");
}

/// Sets the mode of `dir` and of every file in it.
#[cfg(unix)]
fn set_modes(dir: &Path, folder: u32, files: u32) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        std::fs::set_permissions(entry.unwrap().path(), std::fs::Permissions::from_mode(files)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(folder)).unwrap();
}

/// Runs as a user without any right on the workspace's files: `nobody` through `setpriv` when this process is
/// root (permissions do not stop root), this process's own user otherwise.
const UNPRIVILEGED: &str = "setpriv --reuid=65534 --regid=65534 --clear-groups";

/// For every writing command: with old files that are read-only, in a folder the user may read but not write,
/// and (as root, acting as another user) in a shared folder with the sticky bit where the old files belong to
/// someone else, the command fails saying which file and why, and leaves every file as it was and no temporary.
#[cfg(unix)]
#[test]
fn a_folder_or_file_the_user_may_not_write_leaves_every_file_as_it_was() {
    let rig = Rig::new();
    let root = is_root();
    let read_only: fn(&str) -> String = |_| "the file is read-only; make it writable or choose another name".to_owned();
    let not_writable: fn(&str) -> String = |_| {
        "the current folder is not writable (Permission denied); write to another folder or ask for write access"
            .to_owned()
    };
    let owned_by_another: fn(&str) -> String = |name| {
        format!(
            "{name} belongs to another user, and the current folder lets only a file's owner replace it \
             (Operation not permitted); write to another file"
        )
    };
    // (the folder's mode, the files' mode, who runs the command, the cause the message gives). A read-only file
    // is refused by its mode, even to root.
    let mut cases = vec![(0o755, 0o444, "", read_only)];
    // Root may write anywhere: the command runs as another user, for whom root's folder is not writable. Another
    // user runs it itself in a folder made read-only.
    let user = if !root {
        Some("")
    } else if works(&format!("{UNPRIVILEGED} true")) {
        Some(UNPRIVILEGED)
    } else {
        cannot("running a command as an unprivileged user (setpriv refused or missing)");
        None
    };
    if let Some(user) = user {
        cases.push((if root { 0o755 } else { 0o555 }, 0o644, user, not_writable));
        if root {
            cases.push((0o1777, 0o644, user, owned_by_another));
        } else {
            cannot("a file that belongs to another user (the test is not root, so it cannot make one)");
        }
    }
    for command in COMMANDS {
        for &(folder, files, user, cause) in &cases {
            let dir = tempfile::tempdir().unwrap();
            workspace(dir.path());
            set_modes(dir.path(), folder, files);
            let before = snapshot(dir.path());
            let run = format!("{user} {}", rig.line(command));
            let o = Command::new("sh").args(["-c", &run]).current_dir(dir.path()).output().unwrap();
            let after = snapshot(dir.path());
            set_modes(dir.path(), 0o755, 0o644);
            let case = format!("`{command}` in a folder of mode {folder:o} with files of mode {files:o}");
            assert!(left_as_it_was((&case, command), &o, &before, &after, cause), "{case}: the write was not refused");
        }
    }
}

/// For every writing command, on a disk with from no room at all to most of the output's room left (a small
/// tmpfs, mounted in a mount namespace of its own), and on a disk with room but no file entry left (so not even the
/// temporary can be made), the command fails saying which file and that the disk is full, and leaves every file as
/// it was and no temporary.
#[cfg(unix)]
#[test]
fn a_full_disk_leaves_every_file_as_it_was() {
    let rig = Rig::new();
    // Root mounts in a namespace of its own; another user in a user namespace where it is root, if allowed.
    let probe = tempfile::tempdir().unwrap();
    let mount = format!("mount -t tmpfs -o size=64k tmpfs '{}'", probe.path().display());
    let unshare = ["unshare -m", "unshare -rm"].into_iter().find(|u| works(&format!("{u} sh -c \"{mount}\"")));
    let Some(unshare) = unshare else {
        cannot("a full disk (unshare cannot mount a small tmpfs here)");
        return;
    };
    for command in COMMANDS {
        let mut failed = 0;
        // Bytes left on the disk; `None`: no file entry (inode) left.
        for room in [Some(0), Some(4096), Some(16384), Some(65536), Some(262144), None] {
            let dir = tempfile::tempdir().unwrap();
            let (work, disk, result) = (dir.path().join("work"), dir.path().join("disk"), dir.path().join("result"));
            for d in [&work, &disk, &result] {
                std::fs::create_dir(d).unwrap();
            }
            workspace(&work);
            let before = snapshot(&work);
            // The disk is filled to the last byte, then `room` bytes are given back (or it has entries for the
            // workspace's files and its own folder only); after the run the filler goes and what is on the disk is
            // copied out for the check (the mount is seen only inside).
            let fill = match room {
                Some(room) => format!(
                    "mount -t tmpfs -o size=4m tmpfs disk && cp -a work/. disk/ && \
                     (dd if=/dev/zero of=disk/.filler bs=4096 2>/dev/null; truncate -s -{room} disk/.filler)"
                ),
                None => {
                    format!("mount -t tmpfs -o size=4m,nr_inodes={} tmpfs disk && cp -a work/. disk/", before.len() + 1)
                }
            };
            let script = format!(
                "{fill} && (cd disk && {} 2>../stderr; echo $? >../status); rm -f disk/.filler && cp -a disk/. result/",
                rig.line(command)
            );
            let o = Command::new("sh")
                .args(["-c", &format!("{unshare} sh -c '{}'", script.replace('\'', "'\\''"))])
                .current_dir(dir.path())
                .output()
                .unwrap();
            let case = match room {
                Some(room) => format!("`{command}` with {room} bytes left on the disk"),
                None => format!("`{command}` with no file entry left on the disk"),
            };
            assert!(o.status.success(), "{case}: the disk could not be set up: {}", String::from_utf8_lossy(&o.stderr));
            let status: i32 = std::fs::read_to_string(dir.path().join("status")).unwrap().trim().parse().unwrap();
            let run = Output {
                status: std::os::unix::process::ExitStatusExt::from_raw(status << 8),
                stdout: Vec::new(),
                stderr: std::fs::read(dir.path().join("stderr")).unwrap(),
            };
            if left_as_it_was((&case, command), &run, &before, &snapshot(&result), disk_full) {
                failed += 1;
            }
        }
        assert!(failed >= 3, "`{command}`: the disk was never too full");
    }
}
