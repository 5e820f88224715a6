//! The `demarche` binary: the game window, or a headless command.

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Démarche: a turn-based diplomacy simulation of sanctions, talks and military signalling.
/// Without a command it opens the game window.
#[derive(Debug, Parser)]
#[command(name = "demarche", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<TopCommand>,
    /// Scenarios folder for the window (default: `scenarios/` next to the game).
    #[arg(long, value_name = "DIR", global = false)]
    scenarios: Option<std::path::PathBuf>,
    /// Window size, WIDTHxHEIGHT.
    #[arg(long, default_value = "1280x720")]
    size: String,
    /// A teacher's inject file, chosen in the menu from the start (checked against the scenario
    /// chosen there).
    #[arg(long, value_name = "FILE")]
    injects: Option<std::path::PathBuf>,
}

#[derive(Debug, Subcommand)]
// Parsed once at start-up and consumed at once: the size of the headless variant costs nothing.
#[allow(clippy::large_enum_variant)]
enum TopCommand {
    #[command(flatten)]
    Headless(demarche_cli::Command),
    /// Render a view of the game to a PNG (needs a display, e.g. under xvfb-run).
    Screenshot(demarche::screenshot::ScreenshotArgs),
}

fn main() -> ExitCode {
    demarche_classroom::register();
    let cli = Cli::parse_from(demarche_cli::side_flags::expand(
        std::env::args_os().collect(),
        &Cli::command(),
    ));
    match cli.command {
        Some(TopCommand::Headless(command)) => demarche_cli::execute(command),
        Some(TopCommand::Screenshot(args)) => demarche::screenshot::run(args),
        None => {
            let size = cli
                .size
                .split_once('x')
                .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
                .unwrap_or((1280, 720));
            demarche::launch::run_window(demarche::launch::WindowOptions {
                size,
                scenarios: cli.scenarios,
                injects: cli.injects,
            })
        }
    }
}
