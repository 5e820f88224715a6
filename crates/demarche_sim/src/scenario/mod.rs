//! Scenarios: the RON format, the loader and the validator.
//!
//! Loading is three steps: **parse** each file (item by item, so one bad entry does not hide the
//! others), **validate** everything at once, collecting every problem with its file, line:column,
//! field path and a did-you-mean, then **build** the typed [`Scenario`]. Nothing is built when any
//! error is found. The CLI's `validate`, the tests and the game's loader all call [`load`];
//! [`load_files`] loads the same way from file names and bytes, with no filesystem.
//!
//! The format itself is written once, in [`model`], generic over the [`stage::Stage`] (as read,
//! as built); [`check`] is the checker its derive resolves through, [`schema`] prints the
//! generated reference tables and [`json_schema`] makes the JSON Schemas from the same types.

pub mod check;
pub mod glyphs;
pub mod injects;
pub mod json_schema;
pub mod locate;
pub mod model;
pub mod problem;
pub mod raw;
pub mod read;
pub mod schema;
pub mod stage;
pub mod suggest;
pub mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use model::*;
pub use problem::{Location, Problem, Severity, render_problems};

use read::{SourceText, decode_text, parse_list, parse_one, read_text};
use validate::{Listed, RawScenario, TextFiles, build, normalize_inside, resolve_inside};

use crate::hash::Fnv64;

/// The files of a scenario folder, in the order they are read; `true` when required.
pub const FILES: [(&str, bool); 21] = [
    ("scenario.ron", true),
    ("actors.ron", true),
    ("relations.ron", true),
    ("regions.ron", true),
    ("forces.ron", true),
    ("sectors.ron", true),
    ("trade.ron", true),
    ("tracks.ron", true),
    ("ladder.ron", true),
    ("actions.ron", true),
    ("events.ron", true),
    ("objectives.ron", true),
    ("outcomes.ron", true),
    ("historical.ron", true),
    ("milestones.ron", false),
    ("agendas.ron", false),
    ("glossary.ron", true),
    ("sources.ron", true),
    ("personalities.ron", false),
    ("difficulties.ron", false),
    ("rules.ron", false),
];

/// A scenario that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The scenario.
    pub scenario: Scenario,
    /// Problems that did not stop the build.
    pub warnings: Vec<Problem>,
}

/// Why a scenario did not load: every problem found, errors first by file and line.
#[derive(Debug, thiserror::Error)]
#[error("the scenario in {dir} has {errors} error(s)", errors = self.error_count())]
pub struct LoadError {
    /// The scenario folder.
    pub dir: PathBuf,
    /// Every problem, errors and warnings.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// How many of the problems are errors.
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

/// Where a scenario's files come from: a folder, or names and bytes in memory.
trait Files {
    /// A scenario file by name (`actions.ron`), `Ok(None)` when absent.
    fn file(&mut self, name: &str) -> Result<Option<String>, Box<Problem>>;
    /// A text referenced from `scenario.ron` (a briefing), by path relative to the folder.
    fn text(&mut self, relative: &str) -> Result<String, String>;
}

/// A scenario folder on disk.
struct Folder<'a>(&'a Path);

impl Files for Folder<'_> {
    fn file(&mut self, name: &str) -> Result<Option<String>, Box<Problem>> {
        let path = self.0.join(name);
        if !path.exists() {
            return Ok(None);
        }
        // A link out of the folder is refused before anything is read, so nothing of the file
        // it points to is ever shown.
        crate::files::inside(self.0, name)
            .map_err(|why| Box::new(Problem::file_error(&path, why.to_string())))?;
        read_text(&path).map(Some)
    }

    fn text(&mut self, relative: &str) -> Result<String, String> {
        let path = resolve_inside(self.0, relative)?;
        read_text(&path).map_err(|p| format!("`{relative}`: {}", p.message))
    }
}

/// A scenario held in memory: file names (paths relative to the folder, `/` between folders)
/// to bytes.
struct InMemory<'a> {
    label: &'a Path,
    files: BTreeMap<String, Vec<u8>>,
}

impl Files for InMemory<'_> {
    fn file(&mut self, name: &str) -> Result<Option<String>, Box<Problem>> {
        match self.files.remove(name) {
            None => Ok(None),
            Some(bytes) => decode_text(&self.label.join(name), bytes).map(Some),
        }
    }

    fn text(&mut self, relative: &str) -> Result<String, String> {
        let inside = normalize_inside(relative)?;
        let bytes = self
            .files
            .get(&inside)
            .cloned()
            .ok_or_else(|| format!("`{relative}` not found in the scenario folder"))?;
        decode_text(&self.label.join(&inside), bytes)
            .map_err(|p| format!("`{relative}`: {}", p.message))
    }
}

/// Loads, validates and builds the scenario in `dir`.
pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError {
            dir: dir.to_path_buf(),
            problems: vec![Problem::file_error(dir, "scenario folder not found")],
        });
    }
    load_from(dir, &mut Folder(dir))
}

/// Loads, validates and builds a scenario from file names to bytes, with no filesystem:
/// `files` holds the RON files by name (`"actions.ron"`) and the briefings and notes under the
/// paths `scenario.ron` gives them (`"briefings/aldova.md"`). `name` stands for the folder in
/// problems.
pub fn load_files(name: &str, files: BTreeMap<String, Vec<u8>>) -> Result<Loaded, LoadError> {
    let label = PathBuf::from(name);
    load_from(
        &label,
        &mut InMemory {
            label: &label,
            files,
        },
    )
}

fn load_from(dir: &Path, files: &mut dyn Files) -> Result<Loaded, LoadError> {
    let fail = |problems| LoadError {
        dir: dir.to_path_buf(),
        problems,
    };
    let mut problems = Vec::new();
    let mut texts: Vec<(&str, SourceText)> = Vec::new();
    let mut hasher = Fnv64::new();
    for (name, required) in FILES {
        let path = dir.join(name);
        match files.file(name) {
            Ok(Some(text)) => {
                hasher.write_str(name);
                hasher.write_str(&text);
                texts.push((name, SourceText::new(path, text)));
            }
            Ok(None) if required => problems.push(Problem::file_error(&path, "file not found")),
            Ok(None) => {}
            Err(problem) => problems.push(*problem),
        }
    }
    let raw = parse_all(&texts, &mut problems);
    let mut markdown: Vec<(PathBuf, String)> = Vec::new();
    let mut read_extra = |relative: &str| -> Result<String, String> {
        let text = files.text(relative)?;
        hasher.write_str(relative);
        hasher.write_str(&text);
        markdown.push((dir.join(relative), text.clone()));
        Ok(text)
    };
    let built = build(
        raw,
        TextFiles {
            read: &mut read_extra,
        },
    );
    let content_hash = hasher.finish();
    // Characters the window cannot draw, in every string and text it shows.
    let mut glyph_warnings: Vec<Problem> = texts
        .iter()
        .flat_map(|(_, src)| glyphs::check_ron(src))
        .collect();
    for (path, text) in &markdown {
        glyph_warnings.extend(glyphs::check_markdown(path, text));
    }
    let located = |mut list: Vec<Problem>| -> Vec<Problem> {
        for problem in &mut list {
            locate_problem(problem, dir, &texts);
        }
        list
    };
    match built {
        Ok((mut scenario, warnings)) if problems.is_empty() => {
            scenario.content_hash = content_hash;
            let mut warnings = located(warnings);
            warnings.extend(glyph_warnings);
            Ok(Loaded {
                scenario,
                warnings: sorted(warnings),
            })
        }
        Ok((_, warnings)) => {
            problems.extend(located(warnings));
            problems.extend(glyph_warnings);
            Err(fail(sorted(problems)))
        }
        Err(found) => {
            problems.extend(located(found));
            problems.extend(glyph_warnings);
            Err(fail(sorted(problems)))
        }
    }
}

fn sorted(mut problems: Vec<Problem>) -> Vec<Problem> {
    let order = |p: &Problem| {
        let name = p.file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let file_rank = FILES
            .iter()
            .position(|(f, _)| *f == name)
            .unwrap_or(FILES.len());
        let line = p.location.map_or(0, |l| l.line);
        (p.severity, file_rank, line)
    };
    problems.sort_by_key(order);
    problems
}

/// Fills in the full file path, line:column and source line of a problem the builder reported
/// by file name and field path.
fn locate_problem(problem: &mut Problem, dir: &Path, texts: &[(&str, SourceText)]) {
    if problem.location.is_some() {
        return;
    }
    let name = problem.file.to_string_lossy().into_owned();
    problem.file = dir.join(&name);
    if let Some((_, src)) = texts.iter().find(|(n, _)| *n == name)
        && let Some((location, line)) = src.locate(&problem.path)
    {
        problem.location = Some(location);
        problem.source_line = Some(line);
    }
}

fn parse_all(texts: &[(&str, SourceText)], problems: &mut Vec<Problem>) -> RawScenario {
    let mut raw = RawScenario::default();
    for (name, src) in texts {
        match *name {
            "scenario.ron" => raw.meta = parse_one(src, problems),
            "rules.ron" => raw.params = parse_one(src, problems),
            "actors.ron" => raw.actors = listed(src, problems),
            "relations.ron" => raw.relations = listed(src, problems),
            "regions.ron" => raw.regions = listed(src, problems),
            "forces.ron" => raw.forces = listed(src, problems),
            "sectors.ron" => raw.sectors = listed(src, problems),
            "trade.ron" => raw.trade = listed(src, problems),
            "tracks.ron" => raw.tracks = listed(src, problems),
            "ladder.ron" => raw.ladder = listed(src, problems),
            "actions.ron" => raw.actions = listed(src, problems),
            "events.ron" => raw.events = listed(src, problems),
            "objectives.ron" => raw.objectives = listed(src, problems),
            "outcomes.ron" => raw.outcomes = listed(src, problems),
            "historical.ron" => raw.historical = listed(src, problems),
            "milestones.ron" => raw.milestones = listed(src, problems),
            "agendas.ron" => raw.agendas = listed(src, problems),
            "glossary.ron" => raw.glossary = listed(src, problems),
            "sources.ron" => raw.sources = listed(src, problems),
            "personalities.ron" => raw.personalities = listed(src, problems),
            "difficulties.ron" => raw.difficulties = listed(src, problems),
            _ => {}
        }
    }
    if !texts.iter().any(|(n, _)| *n == "personalities.ron") {
        raw.personalities.complete = true;
    }
    if !texts.iter().any(|(n, _)| *n == "difficulties.ron") {
        raw.difficulties.complete = true;
    }
    raw
}

fn listed<T: serde::de::DeserializeOwned>(
    src: &SourceText,
    problems: &mut Vec<Problem>,
) -> Listed<T> {
    let parsed = parse_list(src, problems);
    Listed {
        items: parsed.items,
        complete: parsed.complete,
    }
}
