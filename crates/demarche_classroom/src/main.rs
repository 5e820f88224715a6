//! `demarche-classroom`: the classroom host alone, with the same arguments as
//! `demarche classroom`.

use std::process::ExitCode;

use clap::Parser;

/// Host a class in the browser (see `docs/classroom.md`).
#[derive(Debug, Parser)]
#[command(name = "demarche-classroom", version, about)]
struct Cli {
    #[command(flatten)]
    args: demarche_cli::ClassroomArgs,
}

fn main() -> ExitCode {
    demarche_classroom::register();
    demarche_cli::execute(demarche_cli::Command::Classroom(Cli::parse().args))
}
