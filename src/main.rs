use std::process::ExitCode;

use clap::Parser;

use bosetting::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => bosetting::gui::run(None),
        Some(Command::Gui { file }) => bosetting::gui::run(file),
        Some(command) => bosetting::cli::run(command),
    }
}
