//! `demarche validate DIR...`: every problem of every scenario at once.

use std::process::ExitCode;

use demarche_sim::scenario::render_problems;

use crate::args::ValidateArgs;
use crate::error::CliError;
use crate::terminal::{escape, shown};

/// Validates each folder; exit 1 if any has an error.
pub fn run(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    let mut failed = false;
    for dir in &args.dirs {
        match demarche_sim::load(dir) {
            Ok(loaded) => {
                if !loaded.warnings.is_empty() {
                    print!("{}", escape(&render_problems(&loaded.warnings)));
                }
                let s = &loaded.scenario;
                println!(
                    "{}: ok: \"{}\", {} actors, {} regions, {} tracks, {} actions, {} events, {} turns ({} warning{})",
                    shown(dir),
                    escape(&s.meta.title),
                    s.actors.len(),
                    s.regions.len(),
                    s.tracks.len(),
                    s.actions.len(),
                    s.events.len(),
                    s.meta.calendar.turns,
                    loaded.warnings.len(),
                    if loaded.warnings.len() == 1 { "" } else { "s" }
                );
            }
            Err(error) => {
                failed = true;
                print!("{}", escape(&render_problems(&error.problems)));
                println!("{}: {} error(s)", shown(dir), error.error_count());
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
