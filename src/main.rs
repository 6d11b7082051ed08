use std::process::ExitCode;

use clap::Parser;

use bosetting::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None | Some(Command::Gui { .. }) => {
            eprintln!("bosetting: the planner window is not available in this build; see `bosetting --help`");
            ExitCode::from(1)
        }
        Some(command) => bosetting::cli::run(command),
    }
}
