//! The `demarche` binary: the game window, or a headless command.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Démarche: a turn-based diplomacy simulation of sanctions, talks and military signalling.
#[derive(Debug, Parser)]
#[command(name = "demarche", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<TopCommand>,
}

#[derive(Debug, Subcommand)]
enum TopCommand {
    #[command(flatten)]
    Headless(demarche_cli::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(TopCommand::Headless(command)) => demarche_cli::execute(command),
        None => {
            eprintln!("The game window is not built yet; use `demarche --help` for the headless commands.");
            ExitCode::from(1)
        }
    }
}
