//! Démarche's headless commands: `validate`, `run`, `replay`, `batch`, `soak`, `schema`,
//! `balance`, `debrief` and `compare-games`.
//!
//! The game binary parses its command line with [`Command`] and hands the headless commands to
//! [`execute`]. Every command works without a display.

pub mod args;
pub mod balance;
pub mod chart;
pub mod commands;
pub mod debrief;
pub mod error;
pub mod json;
pub mod orders_file;
pub mod policies;
pub mod progress;
pub mod side_flags;
pub mod terminal;
pub mod text;

pub use args::{
    BatchArgs, Command, CompareGamesArgs, DebriefArgs, ReplayArgs, RunArgs, SchemaArgs, SoakArgs,
    ValidateArgs,
};
pub use error::CliError;

use std::process::ExitCode;

/// Runs a headless command; prints its output and errors, and returns the exit code.
pub fn execute(command: Command) -> ExitCode {
    let result = match command {
        Command::Validate(args) => commands::validate::run(&args),
        Command::Run(args) => commands::run::run(&args),
        Command::Replay(args) => commands::replay::run(&args),
        Command::Batch(args) => commands::batch::run(&args),
        Command::Soak(args) => commands::soak::run(&args),
        Command::Schema(args) => commands::schema::run(&args),
        Command::Balance(args) => commands::balance::run(&args),
        Command::Debrief(args) => commands::debrief::run(&args),
        Command::CompareGames(args) => commands::compare_games::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            error::report(&error);
            ExitCode::from(1)
        }
    }
}
