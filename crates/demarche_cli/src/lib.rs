//! Démarche's headless commands: `validate`, `run`, `replay`, `batch`, `soak`, `schema`,
//! `balance`, `debrief`, `compare-games` and `classroom` (run by the host registered with
//! [`set_classroom_runner`]).
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
    BatchArgs, ClassroomArgs, Command, CompareGamesArgs, DebriefArgs, NewArgs, ReplayArgs, RunArgs,
    SchemaArgs, SoakArgs, ValidateArgs,
};
pub use error::CliError;

use std::process::ExitCode;
use std::sync::OnceLock;

/// What runs `classroom`: the classroom host lives in its own crate (`demarche_classroom`), which
/// depends on this one, so a binary that includes it registers it with
/// [`set_classroom_runner`] before calling [`execute`].
pub type ClassroomRunner = fn(&ClassroomArgs) -> Result<ExitCode, CliError>;

static CLASSROOM: OnceLock<ClassroomRunner> = OnceLock::new();

/// Registers the classroom host for `classroom` (a second call is ignored).
pub fn set_classroom_runner(runner: ClassroomRunner) {
    let _ = CLASSROOM.set(runner);
}

/// Runs `classroom` with the registered host, or says that this binary has none.
fn classroom(args: &ClassroomArgs) -> Result<ExitCode, CliError> {
    match CLASSROOM.get() {
        Some(run) => run(args),
        None => Err(CliError::Usage(
            "this binary was built without the classroom host: run `demarche classroom` or `demarche-classroom`".into(),
        )),
    }
}

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
        Command::Classroom(args) => classroom(&args),
        Command::New(args) => commands::new::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            error::report(&error);
            ExitCode::from(1)
        }
    }
}
