//! `demarche-headless`: the headless commands alone, without the game window. It builds without
//! any rendering crate, for servers, batch runs and quick release builds:
//! `cargo run --release -p demarche_cli -- batch --scenario scenarios/japan_russia_2022 --compare`.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

/// Démarche's headless commands (the game window is the `demarche` binary).
#[derive(Debug, Parser)]
#[command(name = "demarche-headless", version, about)]
struct Cli {
    #[command(subcommand)]
    command: demarche_cli::Command,
}

fn main() -> ExitCode {
    let args = demarche_cli::side_flags::expand(std::env::args_os().collect(), &Cli::command());
    demarche_cli::execute(Cli::parse_from(args).command)
}
