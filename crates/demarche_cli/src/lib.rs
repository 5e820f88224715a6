//! Démarche's headless commands: `validate`, `run`, `replay`, `batch`, `soak`, `schema`,
//! `balance`, `debrief`, `compare-games`, `new`, `map` and `classroom` (run by the host
//! registered with [`set_classroom_runner`]).
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
pub mod scenario_map;
pub mod side_flags;
pub mod terminal;
pub mod text;
pub mod watch;

pub use args::{
    BatchArgs, ClassroomArgs, Command, CompareGamesArgs, DebriefArgs, MapArgs, MapCommand,
    MapImportArgs, MapPreviewArgs, NewArgs, ReplayArgs, RunArgs, SchemaArgs, SoakArgs,
    ValidateArgs,
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
    quiet_on_broken_pipe();
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
        Command::Map(args) => commands::map::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            error::report(&error);
            ExitCode::from(1)
        }
    }
}

/// A command whose output is piped into a reader that stops early (`demarche schema --markdown |
/// head`) ends quietly with the shell's status for a broken pipe (141), as other command-line
/// tools do, instead of reporting a panic: `println!` panics when standard output is closed, and
/// restoring the default SIGPIPE handling would need `unsafe`, which this project forbids.
pub fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if is_broken_pipe(info.payload_as_str()) {
            std::process::exit(141);
        }
        default(info);
    }));
}

/// Whether a panic's message is the standard library's report of a write to a closed pipe.
pub fn is_broken_pipe(message: Option<&str>) -> bool {
    message.is_some_and(|m| m.starts_with("failed printing to std") && m.contains("Broken pipe"))
}
