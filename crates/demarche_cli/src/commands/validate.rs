//! `demarche validate DIR... [--injects FILE] [--watch]`: every problem of every scenario (its
//! files, its map and the features its regions name, and a teacher's inject file checked against
//! each) at once; with `--watch`, again after every save.

use std::process::ExitCode;

use demarche_sim::scenario::render_problems;

use crate::args::ValidateArgs;
use crate::error::CliError;
use crate::terminal::{escape, shown};

/// How often `--watch` looks for saved files.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(400);

/// Validates each folder; exit 1 if any has an error. With `--watch`, checks again after every
/// change until stopped.
pub fn run(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    if !args.watch {
        return check_all(args);
    }
    let mut last = fingerprint(args);
    check_all(args)?;
    println!("watching {} folder(s); Ctrl-C to stop", args.dirs.len());
    loop {
        std::thread::sleep(WATCH_EVERY);
        let now = fingerprint(args);
        if now != last {
            last = now;
            println!("\n── files changed: checking again");
            check_all(args)?;
        }
    }
}

/// What `--watch` compares: every file under the folders, and the inject file.
fn fingerprint(args: &ValidateArgs) -> crate::watch::Fingerprint {
    let mut roots = args.dirs.clone();
    roots.extend(args.injects.iter().cloned());
    crate::watch::fingerprint(&roots)
}

/// Validates each folder once.
fn check_all(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    let mut failed = false;
    for dir in &args.dirs {
        match demarche_sim::load(dir) {
            Ok(loaded) => {
                let s = &loaded.scenario;
                // The map: found, loading, and holding every feature the regions name.
                let map = crate::scenario_map::check(dir, s);
                let mut problems = loaded.warnings;
                problems.extend(map.problems.iter().cloned());
                let errors = problems.iter().filter(|p| p.is_error()).count();
                if errors > 0 {
                    failed = true;
                    print!("{}", escape(&render_problems(&problems)));
                    println!("{}: {errors} error(s)", shown(dir));
                    continue;
                }
                if !problems.is_empty() {
                    print!("{}", escape(&render_problems(&problems)));
                }
                let features = map.model.as_ref().map_or(0, |m| m.asset.features.len());
                println!(
                    "{}: ok: \"{}\", {} actors, {} regions, {} tracks, {} actions, {} events, {} turns, map `{}` ({} features, {}) ({} warning{})",
                    shown(dir),
                    escape(&s.meta.title),
                    s.actors.len(),
                    s.regions.len(),
                    s.tracks.len(),
                    s.actions.len(),
                    s.events.len(),
                    s.meta.calendar.turns,
                    escape(&s.meta.map),
                    features,
                    if map.in_folder(dir) {
                        "in the folder"
                    } else {
                        "shared, from assets/maps"
                    },
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                );
                if let Some(path) = &args.injects {
                    failed |= !check_injects(s, path);
                }
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

/// Checks an inject file against a scenario and prints its problems; whether it has no error.
fn check_injects(scn: &demarche_sim::Scenario, path: &std::path::Path) -> bool {
    match demarche_sim::scenario::injects::load_injects(scn, path) {
        Ok((injects, warnings)) => {
            if !warnings.is_empty() {
                print!("{}", escape(&render_problems(&warnings)));
            }
            println!(
                "{}: ok: {} inject{} ({} warning{})",
                shown(path),
                injects.len(),
                if injects.len() == 1 { "" } else { "s" },
                warnings.len(),
                if warnings.len() == 1 { "" } else { "s" }
            );
            true
        }
        Err(error) => {
            print!("{}", escape(&render_problems(&error.problems)));
            println!("{}: {} error(s)", shown(path), error.error_count());
            false
        }
    }
}
