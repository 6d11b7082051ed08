//! Edit → Copy table reaches the system clipboard: the planner runs under Xvfb, Ctrl+Shift+C copies the table,
//! and `xclip` pastes it from the X11 clipboard. Skipped, with a message, where Xvfb, xclip or xdotool is missing.

use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Kills the child when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn paste(display: &str) -> String {
    let out = Command::new("xclip").args(["-o", "-selection", "clipboard"]).env("DISPLAY", display).output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
}

#[test]
fn copy_table_reaches_the_x11_clipboard() {
    let missing: Vec<&str> = ["Xvfb", "xclip", "xdotool"].into_iter().filter(|t| !have(t)).collect();
    if !missing.is_empty() {
        println!(
            "clipboard test skipped: {} not installed (apt-get install -y xvfb xclip xdotool)",
            missing.join(", ")
        );
        return;
    }
    let display = format!(":{}", 150 + std::process::id() % 700);
    let _xvfb = Running(
        Command::new("Xvfb")
            .args([display.as_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb"),
    );
    sleep(Duration::from_secs(1));
    let data_dir = tempfile::tempdir().unwrap();
    let _app = Running(
        Command::new(env!("CARGO_BIN_EXE_bosetting"))
            .args(["gui", "scenarios/imdi-2020.ron"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("BOSETTING_DATA_DIR", data_dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the planner"),
    );
    let xdotool = |args: &[&str]| {
        Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &display)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let start = Instant::now();
    let mut text = String::new();
    while start.elapsed() < Duration::from_secs(90) {
        // The title is "<file> – bosetting".
        let window = xdotool(&["search", "--name", "bosetting"]).unwrap_or_default();
        if let Some(id) = window.lines().next() {
            let _ = xdotool(&["windowfocus", "--sync", id]);
            let _ = xdotool(&["key", "--clearmodifiers", "ctrl+shift+c"]);
        }
        sleep(Duration::from_millis(700));
        text = paste(&display);
        if !text.is_empty() {
            break;
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty(), "nothing reached the clipboard within 90 s");
    assert!(lines[0].starts_with("Kommunenummer\tKommune\tFylke"), "the header row: {:?}", lines[0]);
    assert_eq!(lines.len(), 357, "a header and the 356 municipalities of the 2020 dataset");
    assert!(lines.iter().any(|l| l.starts_with("0301\tOslo\t")), "Oslo's row");
}
