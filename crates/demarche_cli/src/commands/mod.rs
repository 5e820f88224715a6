//! One module per headless command.

pub mod balance;
pub mod batch;
pub mod compare;
pub mod compare_games;
pub mod debrief;
pub mod ladder;
pub mod map;
pub mod new;
pub mod replay;
pub mod run;
pub mod schema;
pub mod soak;
pub mod validate;

use std::path::Path;
use std::sync::Arc;

use demarche_sim::Scenario;
use demarche_sim::scenario::render_problems;

use crate::error::CliError;
use crate::terminal::escape;

/// Loads a scenario; on problems prints them to standard error and fails.
pub fn load_scenario(dir: &Path) -> Result<Arc<Scenario>, CliError> {
    match demarche_sim::load(dir) {
        Ok(loaded) => {
            if !loaded.warnings.is_empty() {
                eprint!("{}", escape(&render_problems(&loaded.warnings)));
            }
            Ok(Arc::new(loaded.scenario))
        }
        Err(error) => {
            eprint!("{}", escape(&render_problems(&error.problems)));
            Err(CliError::Scenario {
                dir: dir.to_path_buf(),
                errors: error.error_count(),
            })
        }
    }
}

/// The worker threads for a batch: what was asked, at most the cores this machine has (default:
/// all of them). Asking for more says so on standard error.
pub fn worker_threads(asked: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match asked {
        None => cores,
        Some(n) if n > cores => {
            eprintln!(
                "note: --threads {n} is more than this machine's {cores} cores; using {cores}"
            );
            cores
        }
        Some(n) => n.max(1),
    }
}
