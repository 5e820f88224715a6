//! Problems found while loading a scenario, with their place in the files, and their rendering.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The scenario cannot be built.
    Error,
    /// The scenario builds, but something looks wrong.
    Warning,
}

/// A place in a file: 1-based line and column (in characters), and the length to underline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// Characters to underline (at least 1).
    pub len: usize,
}

/// One problem in a scenario: where, what, and how to fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as given to the loader (scenario folder joined with the file name).
    pub file: PathBuf,
    /// Field path inside the file, such as `[3].effects[0].sector`; empty for the whole file.
    pub path: String,
    /// Line and column, when known.
    pub location: Option<Location>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something to say (a did-you-mean, the allowed range).
    pub help: Option<String>,
    /// The source line, for the rendered excerpt.
    pub source_line: Option<String>,
}

impl Problem {
    /// An error about a file as a whole (missing, too large, not UTF-8).
    pub fn file_error(file: &Path, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            file: file.to_path_buf(),
            path: String::new(),
            location: Some(Location {
                line: 1,
                col: 1,
                len: 1,
            }),
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// Whether this problem stops the scenario from being built.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The one-line form `file:line:col: error: message`.
    pub fn headline(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let (line, col) = self.location.map(|l| (l.line, l.col)).unwrap_or((1, 1));
        format!(
            "{}:{}:{}: {}: {}",
            self.file.display(),
            line,
            col,
            severity,
            self.message
        )
    }
}

impl fmt::Display for Problem {
    /// Renders the problem like a compiler diagnostic: the headline, the field path, the source
    /// line with the faulty part underlined, then the help.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        if !self.path.is_empty() {
            writeln!(f, "  --> field `{}`", self.path)?;
        }
        if let (Some(loc), Some(text)) = (self.location, &self.source_line) {
            let number = loc.line.to_string();
            let gutter = " ".repeat(number.len());
            let shown: String = text.chars().take(160).collect();
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{number} | {shown}")?;
            let pad: String = shown
                .chars()
                .take(loc.col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let room = shown
                .chars()
                .count()
                .saturating_sub(loc.col.saturating_sub(1));
            let carets = "^".repeat(loc.len.clamp(1, room.max(1)));
            writeln!(f, "{gutter} | {pad}{carets}")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
    }
}

/// Renders all problems, then a summary line.
pub fn render_problems(problems: &[Problem]) -> String {
    let mut out = String::new();
    for problem in problems {
        out.push_str(&problem.to_string());
        out.push('\n');
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    out.push_str(&format!(
        "{errors} error{}, {warnings} warning{}\n",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_headline_path_excerpt_and_help() {
        let problem = Problem {
            severity: Severity::Error,
            file: PathBuf::from("s/actions.ron"),
            path: "[0].effects[1].sector".into(),
            location: Some(Location {
                line: 3,
                col: 17,
                len: 5,
            }),
            message: "unknown sector `lgn`".into(),
            help: Some("did you mean `lng`?".into()),
            source_line: Some("  Impose(sector: \"lgn\", size: 1)".into()),
        };
        let text = problem.to_string();
        assert!(text.starts_with("s/actions.ron:3:17: error: unknown sector `lgn`\n"));
        assert!(text.contains("--> field `[0].effects[1].sector`"));
        assert!(text.contains("3 |   Impose(sector: \"lgn\", size: 1)"));
        assert!(text.contains("^^^^^"));
        assert!(text.contains("= help: did you mean `lng`?"));
    }
}
