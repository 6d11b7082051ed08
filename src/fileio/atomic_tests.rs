use super::*;

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn replaces_and_keeps_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    write_atomic_with_backup(&path, b"one").unwrap();
    write_atomic_with_backup(&path, b"two").unwrap();
    write_atomic_with_backup(&path, b"three").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"three");
    assert_eq!(std::fs::read(dir.path().join("plan.ron.bak")).unwrap(), b"two");
    assert_eq!(entries(dir.path()), ["plan.ron", "plan.ron.bak"], "no temporary file is left behind");
}

#[test]
fn failed_write_leaves_no_file() {
    let path = Path::new("/nonexistent-dir/plan.ron");
    assert!(write_atomic(path, b"x").is_err());
    assert!(!path.exists());
}

#[test]
fn a_file_name_of_252_bytes_can_be_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{}.ron", "p".repeat(248)));
    write_atomic_with_backup(&path, b"one").unwrap();
    write_atomic(&path, b"two").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"two");
}

#[test]
fn a_directory_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_atomic_with_backup(dir.path(), b"x").unwrap_err();
    assert_eq!(err.to_string(), "it is a directory; give the path of a file to write");
}

#[cfg(unix)]
mod unix {
    use std::fs::Permissions;
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.csv");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o600)).unwrap();
        write_atomic_with_backup(&path, b"new").unwrap();
        assert_eq!((mode(&path), mode(&backup_path(&path))), (0o600, 0o600));
        std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"newer").unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn a_new_file_gets_the_usual_mode_not_the_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("new.csv");
        write_atomic(&ours, b"x").unwrap();
        let theirs = dir.path().join("plain.csv");
        std::fs::write(&theirs, b"x").unwrap(); // 0666 less the umask
        assert_eq!(mode(&ours), mode(&theirs));
    }

    #[test]
    fn a_read_only_file_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("locked.xlsx");
        std::fs::write(&path, "keep me").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o444)).unwrap();
        for result in [write_atomic(&path, b"x"), write_atomic_with_backup(&path, b"x")] {
            let err = result.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::PermissionDenied);
            assert_eq!(err.to_string(), "the file is read-only; make it writable or choose another name");
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"keep me");
        assert_eq!(entries(dir.path()), ["locked.xlsx"]);
    }

    #[test]
    fn a_symbolic_link_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.ron");
        symlink(&real, &link).unwrap();
        write_atomic_with_backup(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert_eq!(std::fs::read(dir.path().join("link.ron.bak")).unwrap(), b"old");
        let dangling = dir.path().join("dangling.ron");
        symlink(dir.path().join("gone"), &dangling).unwrap();
        let err = write_atomic(&dangling, b"x").unwrap_err();
        assert_eq!(err.to_string(), "it is a symbolic link to a file that does not exist");
    }

    #[test]
    fn a_symbolic_link_at_the_backup_path_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, "old").unwrap();
        symlink(&victim, backup_path(&path)).unwrap();
        write_atomic_with_backup(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        let bak = std::fs::symlink_metadata(backup_path(&path)).unwrap();
        assert!(bak.file_type().is_file());
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"old");
    }

    #[test]
    fn a_file_planted_at_the_old_temporary_name_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("plan.ron");
        symlink(&victim, dir.path().join(format!("plan.ron.tmp-{}", std::process::id()))).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn devices_are_written_through_not_replaced() {
        write_atomic(Path::new("/dev/null"), b"discarded").unwrap();
        write_atomic_with_backup(Path::new("/dev/null"), b"discarded").unwrap();
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
        assert!(!Path::new("/dev/null.bak").exists());
    }

    #[test]
    fn a_named_pipe_is_written_through_when_read_and_refused_when_not() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.csv");
        if !std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let err = write_atomic(&fifo, b"x").unwrap_err();
        assert_eq!(err.to_string(), "it is a named pipe (FIFO) and no program is reading from it");
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        // The reader opens the pipe at some point; until then the writer is refused and tries again.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while write_atomic(&fifo, b"through the pipe").is_err() {
            assert!(std::time::Instant::now() < deadline, "the reader never opened the pipe");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "still a pipe");
    }

    #[test]
    fn same_file_sees_through_links_and_dots() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        std::fs::write(&a, "x").unwrap();
        symlink(&a, dir.path().join("l.csv")).unwrap();
        std::fs::hard_link(&a, dir.path().join("h.csv")).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(same_file(&a, &dir.path().join("l.csv")));
        assert!(same_file(&a, &dir.path().join("h.csv")));
        assert!(same_file(&a, &dir.path().join("sub/../a.csv")));
        std::fs::write(dir.path().join("b.csv"), "x").unwrap();
        assert!(!same_file(&a, &dir.path().join("b.csv")));
        assert!(!same_file(&a, &dir.path().join("missing.csv")));
    }

    /// A full disk, made with a file size limit in a child process: writes beyond it fail with "File too large"
    /// (the signal that would kill the process is ignored, and that survives `exec`).
    #[test]
    fn a_full_disk_loses_neither_the_file_nor_the_backup() {
        if let Some(dir) = std::env::var_os("BOSETTING_FULL_DISK_CHILD") {
            let path = Path::new(&dir).join("plan.ron");
            let err = write_atomic_with_backup(&path, &vec![b'c'; 64 * 1024]).unwrap_err();
            println!("refused: {err}");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let (older, old) = (vec![b'a'; 1024], vec![b'b'; 16 * 1024]);
        std::fs::write(backup_path(&path), &older).unwrap();
        std::fs::write(&path, &old).unwrap();
        let exe = std::env::current_exe().unwrap();
        // `ulimit -f` counts blocks of 1024 bytes in bash: 8 KB may be written, the 16 KB backup copy may not.
        let out = std::process::Command::new("bash")
            .args(["-c", "trap '' XFSZ; ulimit -f 8 && exec \"$0\" \"$@\""])
            .arg(exe)
            .args(["--exact", "fileio::atomic::tests::unix::a_full_disk_loses_neither_the_file_nor_the_backup"])
            .args(["--nocapture", "--test-threads=1"])
            .env("BOSETTING_FULL_DISK_CHILD", dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !stdout.contains("refused: ") {
            eprintln!("skipped: the file size limit could not be set: {stdout}");
            return;
        }
        assert!(stdout.contains("refused: the file is larger than this process may write (File too large"), "{stdout}");
        assert_eq!(std::fs::read(&path).unwrap(), old, "the file is untouched");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), older, "the old backup is whole");
        assert_eq!(entries(dir.path()), ["plan.ron", "plan.ron.bak"], "no temporary is left");
    }

    fn owner(path: &Path) -> (u32, u32) {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).unwrap();
        (meta.uid(), meta.gid())
    }

    /// As root a saved file (and its backup) stays with its owner and group; as another user the test has
    /// nobody to give a file to and is skipped.
    #[test]
    fn a_replaced_file_keeps_its_owner_and_group() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.ron");
        std::fs::write(&path, "old").unwrap();
        if let Err(e) = std::os::unix::fs::chown(&path, Some(1234), Some(1234)) {
            eprintln!("skipped: giving a file to uid 1234 needs root ({e})");
            return;
        }
        write_atomic_with_backup(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(owner(&path), (1234, 1234));
        assert_eq!(owner(&backup_path(&path)), (1234, 1234));
        write_atomic(&path, b"newer").unwrap();
        assert_eq!(owner(&path), (1234, 1234));
        // A new file belongs to whoever saves it.
        let fresh = dir.path().join("fresh.ron");
        write_atomic(&fresh, b"x").unwrap();
        assert_eq!(owner(&fresh).0, owner(dir.path()).0);
    }

    #[test]
    fn a_replaced_file_keeps_its_extended_attributes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tagged.csv");
        std::fs::write(&path, "old").unwrap();
        if let Err(e) = xattr::set(&path, "user.test", b"kept") {
            eprintln!("skipped: this filesystem refuses extended attributes ({e})");
            return;
        }
        xattr::set(&path, "user.second", b"").unwrap();
        write_atomic_with_backup(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        for file in [path.clone(), backup_path(&path)] {
            assert_eq!(xattr::get(&file, "user.test").unwrap().as_deref(), Some(&b"kept"[..]), "{}", file.display());
            assert_eq!(xattr::get(&file, "user.second").unwrap().as_deref(), Some(&b""[..]));
        }
        write_atomic(&path, b"newer").unwrap();
        assert_eq!(xattr::get(&path, "user.test").unwrap().as_deref(), Some(&b"kept"[..]));
    }
}
