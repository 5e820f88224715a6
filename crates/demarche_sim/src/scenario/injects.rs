//! Inject files: a teacher's events for a game, read, checked against the scenario they are
//! used with (every problem at once, located by line and column, with a did-you-mean, through
//! the same checker as scenario files) and built into typed [`Inject`]s.

use std::path::{Path, PathBuf};

use super::check::{Checker, Kind, Resolve};
use super::model::{Inject, Scenario};
use super::problem::Problem;
use super::read::{SourceText, parse_list, read_text};
use super::stage::Raw;

/// An inject as written and as built: the written form is what saves and replays keep.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedInject {
    /// As written, with string ids.
    pub raw: Inject<Raw>,
    /// Built against the scenario.
    pub inject: Inject,
}

impl LoadedInject {
    /// The same inject under `key`, due in `turn` with its condition dropped: a teacher's "fire
    /// now", in the window and the classroom host alike.
    pub fn due_now(mut self, key: String, turn: u32) -> LoadedInject {
        self.raw.key = key.clone();
        self.inject.key = key;
        make_due(&mut self.raw, turn);
        make_due(&mut self.inject, turn);
        self
    }
}

/// Makes an inject, written or built, due in `turn`: its turn set, its condition dropped.
pub fn make_due<S: super::stage::Stage>(inject: &mut Inject<S>, turn: u32) {
    inject.turn = Some(turn);
    inject.when = None;
}

/// Why an inject file was refused: every problem found.
#[derive(Debug, thiserror::Error)]
#[error("the inject file {path} has {errors} error(s)", errors = self.error_count())]
pub struct InjectError {
    /// The file.
    pub path: PathBuf,
    /// Every problem, errors and warnings.
    pub problems: Vec<Problem>,
}

impl InjectError {
    /// How many of the problems are errors.
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

/// Most injects in one file.
pub const MAX_INJECTS: usize = 1000;

const FILE: &str = "injects.ron";

/// Reads and checks an inject file against a scenario. Returns the injects and the warnings.
pub fn load_injects(
    scn: &Scenario,
    path: &Path,
) -> Result<(Vec<LoadedInject>, Vec<Problem>), InjectError> {
    let text = read_text(path).map_err(|p| InjectError {
        path: path.to_path_buf(),
        problems: vec![*p],
    })?;
    parse_injects(scn, path, text)
}

/// Checks an inject file's text against a scenario (`path` names it in problems).
pub fn parse_injects(
    scn: &Scenario,
    path: &Path,
    text: String,
) -> Result<(Vec<LoadedInject>, Vec<Problem>), InjectError> {
    let src = SourceText::new(path.to_path_buf(), text);
    let mut problems = Vec::new();
    let parsed = parse_list::<Inject<Raw>>(&src, &mut problems);
    let items: Vec<(usize, Inject<Raw>)> = parsed.items;
    let mut ck = checker_for(scn);
    let built = resolve_all(&mut ck, &items);
    problems.extend(ck.finish().into_iter().map(|mut p| {
        locate(&mut p, &src);
        p
    }));
    problems.extend(super::glyphs::check_ron(&src));
    problems.sort_by_key(|p| (p.severity, p.location.map_or(0, |l| l.line)));
    if problems.iter().any(Problem::is_error) || !parsed.complete {
        return Err(InjectError {
            path: path.to_path_buf(),
            problems,
        });
    }
    let injects = items
        .into_iter()
        .zip(built)
        .filter_map(|((_, raw), inject)| inject.map(|inject| LoadedInject { raw, inject }))
        .collect();
    Ok((injects, problems))
}

/// Builds one inject written with string ids (a teacher's "fire now"), with the same checks.
pub fn resolve_inject(scn: &Scenario, raw: &Inject<Raw>) -> Result<Inject, Vec<Problem>> {
    let mut ck = checker_for(scn);
    let built = resolve_all(&mut ck, &[(0, raw.clone())]);
    let problems = ck.finish();
    match built.into_iter().next().flatten() {
        Some(inject) if !problems.iter().any(Problem::is_error) => Ok(inject),
        _ => Err(problems),
    }
}

fn resolve_all(ck: &mut Checker, items: &[(usize, Inject<Raw>)]) -> Vec<Option<Inject>> {
    ck.in_file(FILE, |ck| {
        let mut seen: Vec<&str> = Vec::new();
        if items.len() > MAX_INJECTS {
            ck.error(format!(
                "{} injects; a file may hold at most {MAX_INJECTS}",
                items.len()
            ));
        }
        items
            .iter()
            .map(|(i, raw)| {
                ck.index(*i, |ck| {
                    if seen.contains(&raw.key.as_str()) {
                        ck.at(super::model::InjectField::Key, |ck| {
                            ck.error(format!("inject `{}` is defined twice", raw.key));
                        });
                    }
                    seen.push(&raw.key);
                    raw.resolve(ck)
                })
            })
            .collect()
    })
}

/// A checker that knows the scenario's ids, calendar, sides and ladder.
fn checker_for(scn: &Scenario) -> Checker {
    let mut ck = Checker::new(|_| true);
    let sources: Vec<&str> = scn.sources.iter().map(|s| s.key.as_str()).collect();
    let tables: [(Kind, Vec<&str>); 10] = [
        (Kind::Actor, keys(&scn.names.actors)),
        (Kind::Region, keys(&scn.names.regions)),
        (Kind::Track, keys(&scn.names.tracks)),
        (Kind::Action, keys(&scn.names.actions)),
        (Kind::Event, keys(&scn.names.events)),
        (Kind::Sector, keys(&scn.names.sectors)),
        (Kind::Force, keys(&scn.names.forces)),
        (Kind::Concept, keys(&scn.names.concepts)),
        (Kind::Source, sources),
        (Kind::Personality, keys(&scn.names.personalities)),
    ];
    ck.in_file("(scenario)", |ck| {
        for (kind, list) in &tables {
            for key in list {
                ck.register(*kind, key);
            }
        }
    });
    ck.context.calendar = Some(scn.meta.calendar);
    ck.context.sides = Some(scn.sides);
    ck.context.top_rung = scn.top_rung();
    ck
}

/// A table's keys in id order.
fn keys<V: Copy + Ord>(map: &std::collections::BTreeMap<String, V>) -> Vec<&str> {
    let mut pairs: Vec<(&V, &str)> = map.iter().map(|(k, v)| (v, k.as_str())).collect();
    pairs.sort();
    pairs.into_iter().map(|(_, k)| k).collect()
}

fn locate(problem: &mut Problem, src: &SourceText) {
    problem.file = src.path.clone();
    if problem.location.is_none()
        && let Some((location, line)) = src.locate(&problem.path)
    {
        problem.location = Some(location);
        problem.source_line = Some(line);
    }
}
