//! `demarche schema --markdown`: the scenario format's reference tables, printed from the
//! format's types (doc comments, RON names, types, defaults, ranges).

use std::process::ExitCode;

use crate::args::SchemaArgs;
use crate::error::CliError;

/// Prints the reference tables.
pub fn run(args: &SchemaArgs) -> Result<ExitCode, CliError> {
    if args.markdown {
        print!("{}", demarche_sim::scenario::schema::reference_markdown());
    }
    Ok(ExitCode::SUCCESS)
}
