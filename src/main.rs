use std::process::ExitCode;

use clap::Parser;

use bosetting::cli::{Cli, Command};

fn main() -> ExitCode {
    bosetting::fileio::report_file_size_limit();
    let cli = Cli::parse();
    match cli.command {
        None => open_planner(None),
        Some(Command::Gui { file }) => open_planner(file),
        Some(command) => bosetting::cli::run(command),
    }
}

#[cfg(feature = "gui")]
fn open_planner(file: Option<std::path::PathBuf>) -> ExitCode {
    bosetting::gui::run(file)
}

/// A build without the `gui` feature is the CLI alone.
#[cfg(not(feature = "gui"))]
fn open_planner(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("bosetting: this build has no planner window (built without the `gui` feature); see `bosetting --help`");
    ExitCode::from(2)
}
