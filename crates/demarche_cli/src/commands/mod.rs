//! One module per headless command.

pub mod batch;
pub mod compare;
pub mod replay;
pub mod run;
pub mod schema;
pub mod validate;

use std::path::Path;
use std::sync::Arc;

use demarche_sim::Scenario;
use demarche_sim::scenario::render_problems;

use crate::error::CliError;

/// Loads a scenario; on problems prints them to standard error and fails.
pub fn load_scenario(dir: &Path) -> Result<Arc<Scenario>, CliError> {
    match demarche_sim::load(dir) {
        Ok(loaded) => {
            if !loaded.warnings.is_empty() {
                eprint!("{}", render_problems(&loaded.warnings));
            }
            Ok(Arc::new(loaded.scenario))
        }
        Err(error) => {
            eprint!("{}", render_problems(&error.problems));
            Err(CliError::Scenario {
                dir: dir.to_path_buf(),
                errors: error.error_count(),
            })
        }
    }
}
