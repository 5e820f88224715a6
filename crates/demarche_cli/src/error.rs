//! Errors of the headless commands, rendered for people.

use std::path::PathBuf;

use miette::Diagnostic;

/// What can stop a command.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum CliError {
    /// The scenario has problems.
    #[error("{} cannot be loaded: {errors} error(s)", dir.display())]
    #[diagnostic(help("run `demarche validate {}` for the details", dir.display()))]
    Scenario {
        /// The scenario folder.
        dir: PathBuf,
        /// How many errors.
        errors: usize,
    },
    /// A policy name that is not known.
    #[error("{0}")]
    #[diagnostic(help("policies: historical, random, hawk, dove, ai[:PERSONALITY[:DIFFICULTY]]"))]
    Policy(String),
    /// A side that is not in the scenario.
    #[error("{0}")]
    Side(String),
    /// A save or replay could not be read or written.
    #[error(transparent)]
    Save(#[from] demarche_sim::save::SaveError),
    /// An orders file is wrong.
    #[error("{0}")]
    #[diagnostic(help(
        "an orders file is a list of `(side: \"SIDE\", turn: 3, memo: \"why\", orders: [(action: \"...\", memo: \"why\")])` (memos optional)"
    ))]
    Orders(String),
    /// An inject file has problems: each is listed with its line and column.
    #[error("{}\n{}", .0, demarche_sim::scenario::render_problems(&.0.problems).trim_end())]
    #[diagnostic(help(
        "the inject format is in docs/teaching.md and docs/scenario-format-reference.md"
    ))]
    Injects(demarche_sim::scenario::injects::InjectError),
    /// A map could not be imported.
    #[error(transparent)]
    #[diagnostic(help(
        "`demarche map import --help` lists the options; docs/scenario-format.md (7. Maps) explains them"
    ))]
    MapImport(#[from] demarche_map::import::ImportError),
    /// A map file could not be read.
    #[error(transparent)]
    #[diagnostic(help(
        "make it again with `demarche map import` (docs/scenario-format.md, 7. Maps)"
    ))]
    Map(#[from] demarche_map::MapError),
    /// Arguments that do not go together.
    #[error("{0}")]
    Usage(String),
    /// Output could not be written.
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

/// An error as shown to people: its message and help with control characters escaped (they may
/// quote files), rendered by miette.
#[derive(Debug)]
struct Shown<'a>(&'a CliError);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::terminal::escape(&self.0.to_string()))
    }
}

impl std::error::Error for Shown<'_> {}

impl Diagnostic for Shown<'_> {
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        let help = self.0.help()?.to_string();
        Some(Box::new(crate::terminal::escape(&help).into_owned()))
    }
}

/// Prints an error with miette's report handler.
pub fn report(error: &CliError) {
    let error = Shown(error);
    let mut out = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(
        if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        },
    );
    if handler.render_report(&mut out, &error).is_ok() {
        eprint!("{out}");
    } else {
        eprintln!("error: {error}");
    }
}
