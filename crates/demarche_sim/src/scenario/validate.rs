//! Validate-and-build: turns parsed raw files into a typed [`Scenario`], collecting every problem.
//!
//! Items resolve themselves through `#[derive(Format)]` (see [`super::check`]); this module
//! registers the ids, runs each file's items through the checker, and holds the checks that
//! need more than one field or more than one item. No field path is written here: checks
//! address fields through the generated `FooField` enums and list positions. Unknown-id errors
//! are suppressed for a kind whose file did not parse completely, and the report says so once.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use super::check::{Checker, Kind, Resolve, Scope, TargetKind};
use super::model::*;
use super::problem::Problem;
use super::stage::{Built, Raw};
use crate::ids::*;
use crate::rules::params::Params;

/// MID hostility level of each MID action code 0–21 (COW MID incident codebook).
pub const MID_HOSTILITY: [u8; 22] = [
    1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5,
];

/// Names of the MID action codes 0–21.
pub const MID_NAMES: [&str; 22] = [
    "No militarized action",
    "Threat to use force",
    "Threat to blockade",
    "Threat to occupy territory",
    "Threat to declare war",
    "Threat to use CBR weapons",
    "Threat to join war",
    "Show of force",
    "Alert",
    "Nuclear alert",
    "Mobilization",
    "Fortify border",
    "Border violation",
    "Blockade",
    "Occupation of territory",
    "Seizure",
    "Attack",
    "Clash",
    "Declaration of war",
    "Use of CBR weapons",
    "Begin interstate war",
    "Join interstate war",
];

/// Everything parsed from a scenario folder, before validation.
#[derive(Debug, Default)]
pub struct RawScenario {
    /// `scenario.ron`.
    pub meta: Option<ScenarioFile<Raw>>,
    /// `actors.ron`.
    pub actors: Listed<Actor<Raw>>,
    /// `relations.ron`.
    pub relations: Listed<Relation<Raw>>,
    /// `regions.ron`.
    pub regions: Listed<Region<Raw>>,
    /// `forces.ron`.
    pub forces: Listed<Force<Raw>>,
    /// `sectors.ron`.
    pub sectors: Listed<Sector>,
    /// `trade.ron`.
    pub trade: Listed<Flow<Raw>>,
    /// `tracks.ron`.
    pub tracks: Listed<Track<Raw>>,
    /// `ladder.ron`.
    pub ladder: Listed<Rung<Raw>>,
    /// `actions.ron`.
    pub actions: Listed<Action<Raw>>,
    /// `events.ron`.
    pub events: Listed<Event<Raw>>,
    /// `objectives.ron`.
    pub objectives: Listed<Objective<Raw>>,
    /// `outcomes.ron`.
    pub outcomes: Listed<Outcome<Raw>>,
    /// `historical.ron`.
    pub historical: Listed<HistoricalTurn<Raw>>,
    /// `milestones.ron` (absent: none).
    pub milestones: Listed<Milestone<Raw>>,
    /// `agendas.ron` (absent: none).
    pub agendas: Listed<Agenda<Raw>>,
    /// `glossary.ron`.
    pub glossary: Listed<Concept<Raw>>,
    /// `sources.ron`.
    pub sources: Listed<Source>,
    /// `personalities.ron`.
    pub personalities: Listed<Personality>,
    /// `difficulties.ron`.
    pub difficulties: Listed<Difficulty>,
    /// `rules.ron` (absent: defaults).
    pub params: Option<Params>,
}

impl RawScenario {
    /// Whether the file defining a kind of id parsed completely.
    pub fn complete(&self, kind: Kind) -> bool {
        match kind {
            Kind::Actor => self.actors.complete,
            Kind::Region => self.regions.complete,
            Kind::Track => self.tracks.complete,
            Kind::Action => self.actions.complete,
            Kind::Event => self.events.complete,
            Kind::Sector => self.sectors.complete,
            Kind::Force => self.forces.complete,
            Kind::Concept => self.glossary.complete,
            Kind::Source => self.sources.complete,
            Kind::Personality => self.personalities.complete,
        }
    }
}

/// Parsed items of a list file and whether the file parsed completely.
#[derive(Debug)]
pub struct Listed<T> {
    /// `(index in file, item)`.
    pub items: Vec<(usize, T)>,
    /// Whether every item parsed.
    pub complete: bool,
}

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Listed {
            items: Vec::new(),
            complete: false,
        }
    }
}

/// Texts read besides the RON files: briefings and notes.
pub struct TextFiles<'a> {
    /// Reads a text file referenced from `scenario.ron`, relative to the scenario folder.
    pub read: &'a mut dyn FnMut(&str) -> Result<String, String>,
}

const META: &str = "scenario.ron";

/// Validates and builds. On any error, returns every problem (errors and warnings).
pub fn build(
    raw: RawScenario,
    texts: TextFiles<'_>,
) -> Result<(Scenario, Vec<Problem>), Vec<Problem>> {
    let mut ck = Checker::new(|kind| raw.complete(kind));
    register_all(&mut ck, &raw);
    let scenario = build_all(&mut ck, &raw, texts);
    let problems = ck.finish();
    match scenario {
        Some(s) if !problems.iter().any(Problem::is_error) => Ok((s, problems)),
        _ => Err(problems),
    }
}

fn register<T>(
    ck: &mut Checker,
    kind: Kind,
    file: &'static str,
    items: &[(usize, T)],
    key: impl Fn(&T) -> (&str, &'static str),
) {
    ck.in_file(file, |ck| {
        for (i, item) in items {
            let (id, segment) = key(item);
            ck.index(*i, |ck| ck.field(segment, |ck| ck.register(kind, id)));
        }
    });
}

fn register_all(ck: &mut Checker, raw: &RawScenario) {
    use super::check::FieldName;
    let id = ActorField::Key.segment();
    register(ck, Kind::Actor, "actors.ron", &raw.actors.items, |a| {
        (&a.key, id)
    });
    register(ck, Kind::Region, "regions.ron", &raw.regions.items, |r| {
        (&r.key, RegionField::Key.segment())
    });
    register(ck, Kind::Track, "tracks.ron", &raw.tracks.items, |t| {
        (&t.key, TrackField::Key.segment())
    });
    register(ck, Kind::Action, "actions.ron", &raw.actions.items, |a| {
        (&a.key, ActionField::Key.segment())
    });
    register(ck, Kind::Event, "events.ron", &raw.events.items, |e| {
        (&e.key, EventField::Key.segment())
    });
    register(ck, Kind::Sector, "sectors.ron", &raw.sectors.items, |s| {
        (&s.key, SectorField::Key.segment())
    });
    register(ck, Kind::Force, "forces.ron", &raw.forces.items, |f| {
        (&f.key, ForceField::Key.segment())
    });
    register(
        ck,
        Kind::Concept,
        "glossary.ron",
        &raw.glossary.items,
        |c| (&c.key, ConceptField::Key.segment()),
    );
    register(ck, Kind::Source, "sources.ron", &raw.sources.items, |s| {
        (&s.key, SourceField::Key.segment())
    });
    register(
        ck,
        Kind::Personality,
        "personalities.ron",
        &raw.personalities.items,
        |p| (&p.key, PersonalityField::Key.segment()),
    );
}

/// Resolves every item of a list file at its position; `None` where an item could not be built.
fn list<R: Resolve<B>, B>(
    ck: &mut Checker,
    file: &'static str,
    items: &[(usize, R)],
) -> Vec<Option<B>> {
    ck.in_file(file, |ck| {
        items
            .iter()
            .map(|(i, item)| ck.index(*i, |ck| item.resolve(ck)))
            .collect()
    })
}

/// All items, when every one was built.
fn all<T>(items: Vec<Option<T>>) -> Option<Vec<T>> {
    items.into_iter().collect()
}

/// The calendar and sides as written, without reporting (the file's own resolution reports).
fn context_of(
    ck: &Checker,
    meta: Option<&ScenarioFile<Raw>>,
) -> (Option<Calendar>, Option<[ActorId; 2]>) {
    let Some(m) = meta else {
        return (None, None);
    };
    let calendar = m.calendar.start.parse().ok().map(|start| Calendar {
        start,
        days_per_turn: m.calendar.days_per_turn.clamp(1, 366),
        turns: m.calendar.turns.clamp(1, 520),
    });
    let sides = match m.sides.as_slice() {
        [a, b] if a != b => ck.peek_actor(a).zip(ck.peek_actor(b)).map(|(a, b)| [a, b]),
        _ => None,
    };
    (calendar, sides)
}

fn build_all(ck: &mut Checker, raw: &RawScenario, mut texts: TextFiles<'_>) -> Option<Scenario> {
    let (calendar, sides) = context_of(ck, raw.meta.as_ref());
    ck.context.calendar = calendar;
    ck.context.sides = sides;
    ck.context.top_rung = raw.ladder.items.len().saturating_sub(1).min(255) as u8;
    let file: Option<ScenarioFile<Built>> = raw
        .meta
        .as_ref()
        .and_then(|m| ck.in_file(META, |ck| m.resolve(ck)));
    let actors = list(ck, "actors.ron", &raw.actors.items);
    let relations = list(ck, "relations.ron", &raw.relations.items);
    check_relation_pairs(ck, &raw.relations.items, &relations);
    let regions = list(ck, "regions.ron", &raw.regions.items);
    let forces = list(ck, "forces.ron", &raw.forces.items);
    let sectors = list(ck, "sectors.ron", &raw.sectors.items);
    let flows = list(ck, "trade.ron", &raw.trade.items);
    check_flow_pairs(ck, &raw.trade.items, &flows);
    let tracks = list(ck, "tracks.ron", &raw.tracks.items);
    let ladder = list(ck, "ladder.ron", &raw.ladder.items);
    check_ladder(ck, &raw.ladder.items);
    let actions = list(ck, "actions.ron", &raw.actions.items);
    let events = list(ck, "events.ron", &raw.events.items);
    check_event_dates(ck, &raw.events.items);
    let objectives = list(ck, "objectives.ron", &raw.objectives.items);
    check_objectives(ck, raw, &objectives);
    let outcomes = list(ck, "outcomes.ron", &raw.outcomes.items);
    check_outcomes(ck, &raw.outcomes.items, &outcomes);
    let historical = build_historical(ck, &raw.historical.items, &raw.actions.items);
    let milestones = list(ck, "milestones.ron", &raw.milestones.items);
    check_milestones(ck, &raw.milestones.items);
    let agendas = list(ck, "agendas.ron", &raw.agendas.items);
    check_agendas(ck, raw);
    let concepts = list(ck, "glossary.ron", &raw.glossary.items);
    let sources = list(ck, "sources.ron", &raw.sources.items);
    let personalities = list(ck, "personalities.ron", &raw.personalities.items);
    let difficulties = list(ck, "difficulties.ron", &raw.difficulties.items);
    check_difficulties(ck, &raw.difficulties.items);
    let params = ck.in_file("rules.ron", |ck| {
        raw.params.clone().unwrap_or_default().resolve(ck)
    });
    let meta = match (raw.meta.as_ref(), file) {
        (Some(m), Some(file)) => build_meta(ck, m, file, &mut texts),
        _ => None,
    };
    check_cross_references(
        ck, raw, &regions, &forces, &tracks, &ladder, &actions, &events,
    );

    let names = Names {
        actors: ck.table(Kind::Actor).ids(ActorId),
        regions: ck.table(Kind::Region).ids(RegionId),
        tracks: ck.table(Kind::Track).ids(TrackId),
        actions: ck.table(Kind::Action).ids(ActionId),
        events: ck.table(Kind::Event).ids(EventId),
        sectors: ck.table(Kind::Sector).ids(SectorId),
        forces: ck.table(Kind::Force).ids(ForceId),
        concepts: ck.table(Kind::Concept).ids(ConceptId),
        personalities: ck.table(Kind::Personality).ids(PersonalityId),
    };
    Some(Scenario {
        meta: meta?,
        sides: sides?,
        actors: all(actors)?,
        relations: all(relations)?,
        regions: all(regions)?,
        forces: all(forces)?,
        sectors: all(sectors)?,
        flows: all(flows)?,
        tracks: all(tracks)?,
        ladder: all(ladder)?,
        actions: all(actions)?,
        events: all(events)?,
        objectives: all(objectives)?,
        outcomes: all(outcomes)?,
        historical: historical.as_ref().map(|(orders, _)| orders.clone())?,
        record_notes: historical.map(|(_, notes)| notes)?,
        milestones: all(milestones)?,
        agendas: all(agendas)?,
        concepts: all(concepts)?,
        sources: all(sources)?,
        personalities: all(personalities)?,
        difficulties: all(difficulties)?,
        params: params?,
        content_hash: 0,
        names,
    })
}

/// The hand-built part of `scenario.ron`: briefings read as texts, one per side.
fn build_meta(
    ck: &mut Checker,
    m: &ScenarioFile<Raw>,
    file: ScenarioFile<Built>,
    texts: &mut TextFiles<'_>,
) -> Option<Meta> {
    let sides = ck.context.sides?;
    let calendar = file.calendar;
    ck.in_file(META, |ck| {
        let mut briefings: [Option<String>; 2] = [None, None];
        let mut mentioned = [false; 2];
        ck.at(ScenarioFileField::Briefings, |ck| {
            for (i, brief) in m.briefings.iter().enumerate() {
                ck.index(i, |ck| {
                    let Some(actor) = ck.peek_actor(&brief.side) else {
                        return;
                    };
                    let Some(slot) = sides.iter().position(|&s| s == actor) else {
                        ck.at(BriefingField::Side, |ck| {
                            ck.error(format!("`{}` is not one of the sides", brief.side));
                        });
                        return;
                    };
                    if mentioned[slot] {
                        ck.at(BriefingField::Side, |ck| {
                            ck.error(format!("a second briefing for `{}`", brief.side));
                        });
                        return;
                    }
                    mentioned[slot] = true;
                    match (texts.read)(&brief.file) {
                        Ok(text) => briefings[slot] = Some(text),
                        Err(why) => ck.at(BriefingField::File, |ck| ck.error(why)),
                    }
                });
            }
            for (slot, seen) in mentioned.iter().enumerate() {
                if !seen {
                    let key = ck.table(Kind::Actor).keys[sides[slot].index()].clone();
                    ck.error_help(
                        format!("no briefing for side `{key}`"),
                        "add `(side: \"...\", file: \"briefings/....md\")`",
                    );
                }
            }
        });
        let teacher_notes = match &file.teacher_notes {
            None => None,
            Some(path) => match (texts.read)(path) {
                Ok(text) => Some(text),
                Err(why) => {
                    ck.at(ScenarioFileField::TeacherNotes, |ck| ck.error(why));
                    None
                }
            },
        };
        check_start_ranges(ck, m);
        let [Some(first), Some(second)] = briefings else {
            return None;
        };
        Some(Meta {
            id: file.id,
            title: file.title,
            summary: file.summary,
            version: file.version,
            calendar,
            default_seed: file.default_seed,
            map: file.map,
            briefings: [first, second],
            teacher_notes,
            credits: file.credits,
            initial_tension: file.initial_tension,
            currency: file.currency.unwrap_or_default(),
            compatible_hashes: file.compatible_hashes,
            debrief_questions: file.debrief_questions,
            start_ranges: file.start_ranges,
        })
    })
}

/// Normalizes a path written in `scenario.ron` to a path inside the scenario folder (`/` between
/// folders), refusing any that leaves it (absolute paths, `..` past the top).
pub fn normalize_inside(relative: &str) -> Result<String, String> {
    if relative.is_empty() {
        return Err("empty file path".into());
    }
    let mut inside: Vec<String> = Vec::new();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => inside.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                if inside.pop().is_none() {
                    return Err(format!("`{relative}` leaves the scenario folder"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!(
                    "`{relative}` is an absolute path; use a path inside the scenario folder"
                ));
            }
        }
    }
    if relative.contains('\\') {
        return Err(format!("`{relative}` uses `\\`; use `/` between folders"));
    }
    Ok(inside.join("/"))
}

/// Resolves a path written in `scenario.ron` inside the scenario folder, refusing any that
/// leaves it (absolute paths, `..` past the top, links pointing outside).
pub fn resolve_inside(dir: &Path, relative: &str) -> Result<PathBuf, String> {
    let inside = normalize_inside(relative)?;
    let full = dir.join(&inside);
    let canonical_dir = dir
        .canonicalize()
        .map_err(|e| format!("cannot read the scenario folder: {e}"))?;
    let canonical = full
        .canonicalize()
        .map_err(|_| format!("`{relative}` not found in the scenario folder"))?;
    if !canonical.starts_with(&canonical_dir) {
        return Err(format!(
            "`{relative}` leaves the scenario folder (through a link)"
        ));
    }
    Ok(full)
}

fn check_relation_pairs(
    ck: &mut Checker,
    items: &[(usize, Relation<Raw>)],
    built: &[Option<Relation>],
) {
    let mut seen = BTreeSet::new();
    ck.in_file("relations.ron", |ck| {
        for ((i, raw), relation) in items.iter().zip(built) {
            let Some(r) = relation else { continue };
            if r.a != r.b && !seen.insert((r.a.min(r.b), r.a.max(r.b))) {
                ck.index(*i, |ck| {
                    ck.error(format!(
                        "a second relation between `{}` and `{}`",
                        raw.a, raw.b
                    ));
                });
            }
        }
    });
}

fn check_flow_pairs(ck: &mut Checker, items: &[(usize, Flow<Raw>)], built: &[Option<Flow>]) {
    let mut seen = BTreeSet::new();
    ck.in_file("trade.ron", |ck| {
        for ((i, raw), flow) in items.iter().zip(built) {
            let Some(f) = flow else { continue };
            if f.exporter != f.importer && !seen.insert((f.exporter, f.importer, f.sector)) {
                ck.index(*i, |ck| {
                    ck.error(format!(
                        "a second `{}` flow from `{}` to `{}`",
                        raw.sector, raw.exporter, raw.importer
                    ));
                });
            }
        }
    });
}

fn check_ladder(ck: &mut Checker, items: &[(usize, Rung<Raw>)]) {
    ck.in_file("ladder.ron", |ck| {
        if items.is_empty() {
            ck.error("the escalation ladder needs at least one rung");
        }
        for (expected, (i, r)) in items.iter().enumerate() {
            if usize::from(r.level) != expected {
                ck.index(*i, |ck| {
                    ck.at(RungField::Level, |ck| {
                        ck.error_help(
                            format!("rung level {} out of order", r.level),
                            format!("rungs are numbered 0, 1, 2, … in order; expected {expected}"),
                        );
                    });
                });
            }
        }
    });
}

fn check_event_dates(ck: &mut Checker, items: &[(usize, Event<Raw>)]) {
    let mut last: Option<crate::date::Date> = None;
    ck.in_file("events.ron", |ck| {
        for (i, e) in items {
            let When::Dated(text) = &e.when else { continue };
            let Ok(date) = text.parse::<crate::date::Date>() else {
                continue;
            };
            if let Some(prev) = last
                && date < prev
            {
                ck.index(*i, |ck| {
                    ck.at(EventField::When, |ck| {
                        ck.element(0, |ck| {
                            ck.error_help(
                                format!("dates out of order: {date} comes after {prev}"),
                                "list dated events in chronological order",
                            );
                        });
                    });
                });
            }
            last = Some(date);
        }
    });
}

fn check_unique_keys<'a>(
    ck: &mut Checker,
    what: &str,
    keys: impl Iterator<Item = (usize, &'a str)>,
    field: impl super::check::FieldName,
) {
    let mut seen = BTreeSet::new();
    for (i, key) in keys {
        if !seen.insert(key) {
            ck.index(i, |ck| {
                ck.at(field, |ck| ck.error(format!("duplicate {what} id `{key}`")));
            });
        }
    }
}

fn check_objectives(ck: &mut Checker, raw: &RawScenario, built: &[Option<Objective>]) {
    let items = &raw.objectives.items;
    ck.in_file("objectives.ron", |ck| {
        check_unique_keys(
            ck,
            "objective",
            items.iter().map(|(i, o)| (*i, o.key.as_str())),
            ObjectiveField::Key,
        );
        let Some(sides) = ck.context.sides else {
            return;
        };
        for side in sides {
            let has = built.iter().flatten().any(|o| o.side == side);
            if !has && raw.objectives.complete {
                let key = ck.table(Kind::Actor).keys[side.index()].clone();
                ck.error(format!("side `{key}` has no objectives"));
            }
        }
    });
}

fn check_outcomes(ck: &mut Checker, items: &[(usize, Outcome<Raw>)], built: &[Option<Outcome>]) {
    ck.in_file("outcomes.ron", |ck| {
        check_unique_keys(
            ck,
            "outcome",
            items.iter().map(|(i, o)| (*i, o.key.as_str())),
            OutcomeField::Key,
        );
        if items.is_empty() {
            ck.error("a scenario needs at least one outcome");
        } else if !built
            .iter()
            .flatten()
            .any(|o| o.condition == Condition::Always)
        {
            ck.warn(
                "no outcome has `condition: Always`, so a game may end without a named outcome",
            );
        }
    });
}

/// Agendas: unique ids; each weight names an objective of the agenda's own side, once; a side
/// with agendas can draw one (their chances are not all zero).
fn check_agendas(ck: &mut Checker, raw: &RawScenario) {
    let items = &raw.agendas.items;
    ck.in_file("agendas.ron", |ck| {
        check_unique_keys(
            ck,
            "agenda",
            items.iter().map(|(i, a)| (*i, a.key.as_str())),
            AgendaField::Key,
        );
        let objectives: Vec<(&str, &str)> = raw
            .objectives
            .items
            .iter()
            .map(|(_, o)| (o.key.as_str(), o.side.as_str()))
            .collect();
        for (i, agenda) in items {
            ck.index(*i, |ck| {
                ck.at(AgendaField::Weights, |ck| {
                    let mut seen: Vec<&str> = Vec::new();
                    for (j, w) in agenda.weights.iter().enumerate() {
                        ck.index(j, |ck| {
                            ck.at(AgendaWeightField::Objective, |ck| {
                                agenda_objective(
                                    ck,
                                    agenda,
                                    w,
                                    &objectives,
                                    raw.objectives.complete,
                                );
                                if seen.contains(&w.objective.as_str()) {
                                    ck.error(format!(
                                        "objective `{}` is weighted twice",
                                        w.objective
                                    ));
                                }
                            });
                        });
                        seen.push(&w.objective);
                    }
                });
            });
        }
        let mut sides: Vec<&str> = items.iter().map(|(_, a)| a.side.as_str()).collect();
        sides.sort_unstable();
        sides.dedup();
        for side in sides {
            if items
                .iter()
                .filter(|(_, a)| a.side == side)
                .all(|(_, a)| a.chance <= 0.0)
            {
                ck.error(format!(
                    "every agenda of `{side}` has chance 0, so none can be drawn"
                ));
            }
        }
    });
}

/// One agenda weight's objective: known, and one of the agenda's side.
fn agenda_objective(
    ck: &mut Checker,
    agenda: &Agenda<Raw>,
    w: &AgendaWeight,
    objectives: &[(&str, &str)],
    complete: bool,
) {
    match objectives.iter().find(|(key, _)| *key == w.objective) {
        Some((_, side)) if *side != agenda.side => ck.error(format!(
            "objective `{}` belongs to `{side}`, not to `{}`",
            w.objective, agenda.side
        )),
        Some(_) => {}
        None if complete => {
            let keys: Vec<&str> = objectives.iter().map(|(k, _)| *k).collect();
            ck.error_help(
                format!("unknown objective `{}`", w.objective),
                super::suggest::help_for_unknown(&w.objective, &keys),
            );
        }
        None => {}
    }
}

/// Start ranges: low at most high, an indicator that is set at the start (not capital or
/// audience costs), each actor's indicator once.
fn check_start_ranges(ck: &mut Checker, m: &ScenarioFile<Raw>) {
    ck.at(ScenarioFileField::StartRanges, |ck| {
        let mut seen: Vec<(&str, Indicator)> = Vec::new();
        for (i, r) in m.start_ranges.iter().enumerate() {
            ck.index(i, |ck| {
                if r.low > r.high {
                    ck.at(StartRangeField::High, |ck| {
                        ck.error(format!("high {} is below low {}", r.high, r.low));
                    });
                }
                if matches!(r.indicator, Indicator::Capital | Indicator::AudienceCost) {
                    ck.at(StartRangeField::Indicator, |ck| {
                        ck.error_help(
                            format!("{:?} is worked out in play, not drawn at the start", r.indicator),
                            "draw economy, approval, standing, readiness, hawks, doves or energy stress",
                        );
                    });
                }
                if seen.contains(&(r.actor.as_str(), r.indicator)) {
                    ck.at(StartRangeField::Indicator, |ck| {
                        ck.error(format!(
                            "`{}`'s {:?} has a range already",
                            r.actor, r.indicator
                        ));
                    });
                }
            });
            seen.push((r.actor.as_str(), r.indicator));
        }
    });
}

/// Most milestones a scenario may declare.
pub const MAX_MILESTONES: usize = 1000;

fn check_milestones(ck: &mut Checker, items: &[(usize, Milestone<Raw>)]) {
    ck.in_file("milestones.ron", |ck| {
        check_unique_keys(
            ck,
            "milestone",
            items.iter().map(|(i, m)| (*i, m.key.as_str())),
            MilestoneField::Key,
        );
        if items.len() > MAX_MILESTONES {
            ck.error(format!(
                "{} milestones; a scenario may declare at most {MAX_MILESTONES}",
                items.len()
            ));
        }
    });
}

fn check_difficulties(ck: &mut Checker, items: &[(usize, Difficulty)]) {
    ck.in_file("difficulties.ron", |ck| {
        check_unique_keys(
            ck,
            "difficulty",
            items.iter().map(|(i, d)| (*i, d.key.as_str())),
            DifficultyField::Key,
        );
        for (i, d) in items {
            if !["easy", "normal", "hard"].contains(&d.key.as_str()) {
                ck.index(*i, |ck| {
                    ck.at(DifficultyField::Key, |ck| {
                        ck.warn(format!(
                            "the AI has the difficulties `easy`, `normal` and `hard`; `{}` is never used",
                            d.key
                        ));
                    });
                });
            }
        }
    });
}

/// The record by side and turn: its orders and its notes.
type Record = ([Vec<Vec<Order>>; 2], [Vec<RecordNote>; 2]);

/// `historical.ron` by side and turn. Orders are checked even when the side cannot be known
/// (its file did not parse), so a misspelt action is always reported.
fn build_historical(
    ck: &mut Checker,
    items: &[(usize, HistoricalTurn<Raw>)],
    actions: &[(usize, Action<Raw>)],
) -> Option<Record> {
    let sides = ck.context.sides;
    let turns = ck.context.calendar.map(|c| c.turns);
    let mut out: [Vec<Vec<Order>>; 2] = [
        vec![Vec::new(); turns.unwrap_or(0) as usize],
        vec![Vec::new(); turns.unwrap_or(0) as usize],
    ];
    let mut notes: [Vec<RecordNote>; 2] = [
        vec![RecordNote::default(); turns.unwrap_or(0) as usize],
        vec![RecordNote::default(); turns.unwrap_or(0) as usize],
    ];
    let mut last_turn = [0u32; 2];
    ck.in_file("historical.ron", |ck| {
        for (i, h) in items {
            ck.index(*i, |ck| {
                let actor: Option<ActorId> =
                    ck.at(HistoricalTurnField::Side, |ck| h.side.resolve(ck));
                let slot = match (actor, sides) {
                    (Some(actor), Some(sides)) => {
                        let Some(slot) = sides.iter().position(|&s| s == actor) else {
                            ck.at(HistoricalTurnField::Side, |ck| {
                                ck.error(format!("`{}` is not a playable side", h.side));
                            });
                            return;
                        };
                        Some(slot)
                    }
                    _ => None,
                };
                if let Some(turns) = turns
                    && (h.turn == 0 || h.turn > turns)
                {
                    ck.at(HistoricalTurnField::Turn, |ck| {
                        ck.error_help(
                            format!("turn {} is outside the game", h.turn),
                            format!("turns run from 1 to {turns}"),
                        );
                    });
                    return;
                }
                if let Some(slot) = slot {
                    if h.turn <= last_turn[slot] {
                        ck.at(HistoricalTurnField::Turn, |ck| {
                            ck.error_help(
                                format!(
                                    "turns out of order: turn {} of `{}` comes after turn {}",
                                    h.turn, h.side, last_turn[slot]
                                ),
                                "list each side's turns once, in ascending order",
                            );
                        });
                        return;
                    }
                    last_turn[slot] = h.turn;
                }
                let sources: Option<Vec<SourceId>> =
                    ck.at(HistoricalTurnField::Sources, |ck| h.sources.resolve(ck));
                if let (Some(slot), Some(sources)) = (slot, sources) {
                    notes[slot][h.turn as usize - 1] = RecordNote {
                        note: h.note.clone(),
                        sources,
                    };
                }
                let actor_key = actor.map(|_| h.side.as_str());
                ck.at(HistoricalTurnField::Orders, |ck| {
                    for (j, order) in h.orders.iter().enumerate() {
                        let built = ck.index(j, |ck| build_order(ck, order, actor_key, actions));
                        if let (Some(slot), Some(order)) = (slot, built) {
                            out[slot][h.turn as usize - 1].push(order);
                        }
                    }
                });
            });
        }
    });
    sides.and(turns).map(|_| (out, notes))
}

fn build_order(
    ck: &mut Checker,
    raw: &Order<Raw>,
    actor_key: Option<&str>,
    actions: &[(usize, Action<Raw>)],
) -> Option<Order> {
    let action: ActionId = ck.at(OrderField::Action, |ck| raw.action.resolve(ck))?;
    let spec = actions
        .iter()
        .find(|(_, a)| a.key == raw.action)
        .map(|(_, a)| a)?;
    if let Some(actor_key) = actor_key
        && !spec.actors.iter().any(|a| a == actor_key)
    {
        ck.at(OrderField::Action, |ck| {
            ck.error_help(
                format!("`{actor_key}` may not take `{}`", raw.action),
                format!("its actors are {:?}", spec.actors),
            );
        });
    }
    let (allowed_tracks, allowed_regions) = match &spec.target {
        Target::Track(list) => (Some(list), None),
        Target::Region(list) => (None, Some(list)),
        Target::Nothing => (None, None),
    };
    let track = order_target(
        ck,
        &raw.action,
        OrderField::Track,
        allowed_tracks,
        raw.track.as_ref(),
    )?;
    let region = order_target(
        ck,
        &raw.action,
        OrderField::Region,
        allowed_regions,
        raw.region.as_ref(),
    )?;
    Some(Order {
        action,
        track,
        region,
    })
}

/// The track or region an order names, checked against what its action takes: `None` when a
/// named id is unknown (reported), `Some(None)` when nothing is or should be named.
fn order_target<T>(
    ck: &mut Checker,
    action: &str,
    field: OrderField,
    allowed: Option<&Vec<String>>,
    given: Option<&String>,
) -> Option<Option<T>>
where
    String: Resolve<T>,
{
    use super::check::FieldName;
    let what = field.segment();
    match (allowed, given) {
        (Some(allowed), Some(key)) => ck.at(field, |ck| {
            let id = key.resolve(ck)?;
            if !allowed.is_empty() && !allowed.contains(key) {
                ck.error_help(
                    format!("`{action}` cannot name {what} `{key}`"),
                    format!("allowed: {allowed:?}"),
                );
            }
            Some(Some(id))
        }),
        (Some(_), None) => {
            ck.error(format!("`{action}` needs a `{what}`"));
            Some(None)
        }
        (None, Some(_)) => {
            ck.at(field, |ck| {
                ck.error(format!("`{action}` does not take a {what}"));
            });
            Some(None)
        }
        (None, None) => Some(None),
    }
}

/// Checks that need several tables built: paths follow adjacency, MID codes fit their rungs,
/// track prerequisites form no cycle.
#[allow(clippy::too_many_arguments)]
fn check_cross_references(
    ck: &mut Checker,
    raw: &RawScenario,
    regions: &[Option<Region>],
    forces: &[Option<Force>],
    tracks: &[Option<Track>],
    ladder: &[Option<Rung>],
    actions: &[Option<Action>],
    events: &[Option<Event>],
) {
    let moves = Moves { regions, forces };
    ck.in_file("actions.ron", |ck| {
        for ((i, _), action) in raw.actions.items.iter().zip(actions) {
            let Some(action) = action else { continue };
            ck.index(*i, |ck| {
                ck.at(ActionField::Effects, |ck| moves.check(ck, &action.effects));
                check_mid_fits_rung(ck, action, ladder);
            });
        }
    });
    ck.in_file("events.ron", |ck| {
        for ((i, _), event) in raw.events.items.iter().zip(events) {
            let Some(event) = event else { continue };
            ck.index(*i, |ck| {
                ck.at(EventField::Effects, |ck| moves.check(ck, &event.effects));
            });
        }
    });
    ck.in_file("tracks.ron", |ck| {
        check_prerequisite_cycles(ck, raw, tracks)
    });
}

/// Ships and troops go from a region to a neighbour; aircraft fly where they like.
struct Moves<'a> {
    regions: &'a [Option<Region>],
    forces: &'a [Option<Force>],
}

impl Moves<'_> {
    fn adjacent(&self, a: RegionId, c: RegionId) -> bool {
        let lists = |x: RegionId, y: RegionId| {
            self.regions
                .get(x.index())
                .and_then(Option::as_ref)
                .is_some_and(|r| r.adjacent.contains(&y))
        };
        a == c || lists(a, c) || lists(c, a)
    }

    fn key(&self, region: RegionId) -> &str {
        self.regions
            .get(region.index())
            .and_then(Option::as_ref)
            .map_or("?", |r| r.key.as_str())
    }

    fn check(&self, ck: &mut Checker, effects: &[Effect]) {
        for (j, effect) in effects.iter().enumerate() {
            let Effect::Move(force, path) = effect else {
                continue;
            };
            let walks = self
                .forces
                .get(force.index())
                .and_then(Option::as_ref)
                .is_some_and(|f| f.kind != ForceKind::AirWing);
            if !walks {
                continue;
            }
            for (k, step) in path.windows(2).enumerate() {
                if !self.adjacent(step[0], step[1]) {
                    ck.index(j, |ck| {
                        ck.at(EffectField::Move1, |ck| {
                            ck.index(k + 1, |ck| {
                                ck.warn(format!(
                                    "the path jumps from `{}` to `{}`, which are not adjacent",
                                    self.key(step[0]),
                                    self.key(step[1])
                                ));
                            });
                        });
                    });
                }
            }
        }
    }
}

fn check_mid_fits_rung(ck: &mut Checker, action: &Action, ladder: &[Option<Rung>]) {
    if let (Some(mid), Some(Some(rung))) = (action.mid, ladder.get(usize::from(action.rung)))
        && let Some(&hostility) = MID_HOSTILITY.get(usize::from(mid))
        && action.rung > 0
        && hostility.abs_diff(rung.hostility) > 1
    {
        ck.at(ActionField::Mid, |ck| {
            ck.warn(format!(
                "MID action {mid} has hostility level {hostility}, but rung {} (\"{}\") has {}",
                rung.level, rung.name, rung.hostility
            ));
        });
    }
}

/// A track that (through others) requires itself can never be active.
fn check_prerequisite_cycles(ck: &mut Checker, raw: &RawScenario, tracks: &[Option<Track>]) {
    let requires = |t: usize| -> &[TrackId] {
        tracks
            .get(t)
            .and_then(Option::as_ref)
            .map_or(&[], |t| t.requires_active.as_slice())
    };
    for (start, (i, track)) in raw.tracks.items.iter().enumerate() {
        let mut seen = vec![false; tracks.len()];
        let mut stack: Vec<TrackId> = requires(start).to_vec();
        while let Some(t) = stack.pop() {
            if t.index() == start {
                ck.index(*i, |ck| {
                    ck.at(TrackField::RequiresActive, |ck| {
                        ck.error(format!(
                            "`{}` requires itself through its prerequisites",
                            track.key
                        ));
                    });
                });
                break;
            }
            if t.index() < seen.len() && !seen[t.index()] {
                seen[t.index()] = true;
                stack.extend(requires(t.index()).iter().copied());
            }
        }
    }
}

/// The checks `#[format(check = ...)]` and `#[format(scope = ...)]` name: each receives the raw
/// item with the checker positioned at it, and addresses fields through the generated enums.
pub(crate) mod checks {
    use super::*;
    use crate::scenario::check::Ranged;

    fn plain_id(text: &str) -> bool {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    }

    pub(crate) fn scenario_file(m: &ScenarioFile<Raw>, ck: &mut Checker) {
        if !plain_id(&m.id) {
            ck.at(ScenarioFileField::Id, |ck| {
                ck.error_help(
                    format!("`{}` is not a valid scenario id", m.id),
                    "use letters, digits, `_` and `-`",
                );
            });
        }
        if m.version == 0 {
            ck.at(ScenarioFileField::Version, |ck| {
                ck.error("version starts at 1");
            });
        }
        if !plain_id(&m.map) {
            ck.at(ScenarioFileField::Map, |ck| {
                ck.error_help(
                    format!("`{}` is not a valid map id", m.map),
                    "the map id names the file `<id>.map.ron` in the scenario's folder (or in assets/maps/): letters, digits, `_` and `-`",
                );
            });
        }
        ck.at(ScenarioFileField::CompatibleHashes, |ck| {
            for (i, hash) in m.compatible_hashes.iter().enumerate() {
                if hash.len() != 16 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
                    ck.index(i, |ck| {
                        ck.error_help(
                            format!("`{hash}` is not a content hash"),
                            "copy `scenario_hash` from a save or replay: 16 hex digits",
                        );
                    });
                }
            }
        });
        ck.at(ScenarioFileField::Sides, |ck| match m.sides.as_slice() {
            [a, b] if a == b => ck.index(1, |ck| {
                ck.error("the two sides must be different actors");
            }),
            [_, _] => {}
            other => ck.error_help(
                format!("{} sides given", other.len()),
                "a scenario is a dyad: list exactly two playable actors",
            ),
        });
    }

    pub(crate) fn actor(a: &Actor<Raw>, ck: &mut Checker) {
        let sides = ck.context.sides;
        let this = ck.peek_actor(&a.key);
        let is_side = sides.is_some_and(|s| this.is_some_and(|t| s.contains(&t)));
        match &a.side {
            None if is_side => ck.at(ActorField::Key, |ck| {
                ck.error_help(
                    format!("`{}` is a playable side but has no `side` block", a.key),
                    "add `side: (capital_per_turn: ..., capital_cap: ..., resolve: ..., prior: ..., sensitivity: ..., approval_baseline: ...)`",
                );
            }),
            Some(_) if sides.is_some() && !is_side => ck.at(ActorField::Side, |ck| {
                ck.warn(format!(
                    "`{}` is not a playable side; its `side` block is ignored",
                    a.key
                ));
            }),
            _ => {}
        }
    }

    pub(crate) fn side_setup(s: &SideSetup, ck: &mut Checker) {
        let cap = if s.capital_cap.is_finite() {
            s.capital_cap.clamp(1.0, 100.0)
        } else {
            1.0
        };
        ck.at(SideSetupField::InitialCapital, |ck| {
            s.initial_capital.check_range(ck, 0.0, cap);
        });
        if let Some(flag) = &s.flag {
            let plain = !flag.is_empty()
                && !flag.starts_with('-')
                && flag
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !plain {
                ck.at(SideSetupField::Flag, |ck| {
                    ck.error_help(
                        format!("`{flag}` is not a valid flag"),
                        "use lowercase letters, digits and `-`, without the leading `--`",
                    );
                });
            }
        }
    }

    pub(crate) fn relation(r: &Relation<Raw>, ck: &mut Checker) {
        if r.a == r.b {
            ck.at(RelationField::B, |ck| {
                ck.error("a relation needs two different actors");
            });
        }
    }

    pub(crate) fn region(r: &Region<Raw>, ck: &mut Checker) {
        if !r.names.contains_key("en") {
            ck.at(RegionField::Names, |ck| {
                ck.error_help("no English name", "add `\"en\": \"...\"`");
            });
        }
        if r.administered_by
            .as_ref()
            .is_some_and(|a| r.claimed_by.contains(a))
        {
            ck.at(RegionField::ClaimedBy, |ck| {
                ck.warn("the administrator is also listed as a claimant");
            });
        }
        if r.outline.is_empty() && r.map_features.is_empty() {
            ck.warn(format!(
                "region `{}` has neither map features nor an outline, so it cannot be drawn or hovered",
                r.key
            ));
        }
    }

    /// Longitude −180 to 180, latitude −90 to 90.
    pub(crate) fn lon_lat(point: &(f64, f64), ck: &mut Checker) {
        ck.element(0, |ck| point.0.check_range(ck, -180.0, 180.0));
        ck.element(1, |ck| point.1.check_range(ck, -90.0, 90.0));
    }

    pub(crate) fn outline(points: &[(f64, f64)], ck: &mut Checker) {
        for (j, point) in points.iter().enumerate() {
            ck.index(j, |ck| lon_lat(point, ck));
        }
        if !points.is_empty() && points.len() < 3 {
            ck.error("an outline needs at least three points");
        }
    }

    pub(crate) fn flow(f: &Flow<Raw>, ck: &mut Checker) {
        if f.exporter == f.importer {
            ck.at(FlowField::Importer, |ck| {
                ck.error("a flow needs two different actors");
            });
        }
    }

    pub(crate) fn track(t: &Track<Raw>, ck: &mut Checker) {
        ck.at(TrackField::Stages, |ck| {
            if t.stages.is_empty() {
                ck.error("a track needs at least one stage");
            }
            let mut last = f64::NEG_INFINITY;
            for (j, stage) in t.stages.iter().enumerate() {
                let at = stage.at;
                ck.index(j, |ck| {
                    ck.at(TrackStageField::At, |ck| {
                        if j == 0 && at != 0.0 {
                            ck.error("the first stage must begin at 0");
                        }
                        if at <= last {
                            ck.error(format!(
                                "stages out of order: {at} does not come after {last}"
                            ));
                        }
                    });
                });
                last = at;
            }
        });
        ck.at(TrackField::RequiresActive, |ck| {
            for (j, key) in t.requires_active.iter().enumerate() {
                if *key == t.key {
                    ck.index(j, |ck| ck.error("a track cannot require itself"));
                }
            }
        });
        if t.status == TrackStatus::Terminated && t.progress > 0.0 {
            ck.at(TrackField::Progress, |ck| {
                ck.warn("a terminated track keeps no progress");
            });
        }
    }

    pub(crate) fn action_scope(a: &Action<Raw>, _: &Checker) -> Scope {
        let target = match a.target {
            Target::Nothing => TargetKind::None,
            Target::Track(_) => TargetKind::Track,
            Target::Region(_) => TargetKind::Region,
        };
        Scope {
            me: true,
            other: true,
            target,
        }
    }

    fn mid_code(ck: &mut Checker, mid: Option<u8>) {
        if let Some(code) = mid
            && usize::from(code) >= MID_HOSTILITY.len()
        {
            ck.error_help(
                format!("{code} is not a MID action code"),
                "MID action codes run from 0 to 21",
            );
        }
    }

    pub(crate) fn action(a: &Action<Raw>, ck: &mut Checker) {
        let top = ck.context.top_rung;
        if a.actors.is_empty() {
            ck.at(ActionField::Actors, |ck| {
                ck.error("no actor may take this action");
            });
        }
        if a.effects.is_empty() {
            ck.at(ActionField::Effects, |ck| {
                ck.warn("an action without effects does nothing");
            });
        }
        if a.rung > top {
            ck.at(ActionField::Rung, |ck| {
                ck.error_help(
                    format!("rung {} is above the top of the ladder", a.rung),
                    format!("the ladder's top rung is {top}"),
                );
            });
        }
        ck.at(ActionField::Mid, |ck| {
            mid_code(ck, a.mid);
            if a.mid.is_none() && a.category == Category::Military {
                ck.error_help(
                    "a military action needs its MID action code",
                    "for example `mid: 7` (show of force)",
                );
            }
        });
        if a.concepts.is_empty() {
            ck.at(ActionField::Concepts, |ck| {
                ck.error_help(
                    "an action must name the IR concept it illustrates",
                    "add a glossary id, e.g. `concepts: [\"costly_signalling\"]`",
                );
            });
        }
        if a.limit == Some(0) {
            ck.at(ActionField::Limit, |ck| {
                ck.error(
                    "a limit of 0 means the action can never be taken; remove the action instead",
                );
            });
        }
    }

    pub(crate) fn event_scope(e: &Event<Raw>, ck: &Checker) -> Scope {
        let actor = e.actor.as_ref().and_then(|a| ck.peek_actor(a));
        // When the actor could not be looked up (unknown, or its file did not parse), do not pile
        // further errors on `self` and `other`: the real problem is reported where it is.
        let unresolved = e.actor.is_some() && actor.is_none();
        let sides = ck.context.sides;
        Scope {
            me: e.actor.is_some(),
            other: e.actor.is_some()
                && (unresolved || sides.is_none_or(|s| actor.is_some_and(|a| s.contains(&a)))),
            target: TargetKind::None,
        }
    }

    pub(crate) fn event(e: &Event<Raw>, ck: &mut Checker) {
        let top = ck.context.top_rung;
        if let When::Dated(text) = &e.when
            && let Ok(date) = text.parse::<crate::date::Date>()
            && let Some(c) = ck.context.calendar
            && c.turn_of(date).is_none()
        {
            ck.at(EventField::When, |ck| {
                ck.element(0, |ck| {
                    ck.error_help(
                        format!("{date} is outside the scenario's calendar"),
                        format!("the game runs from {} to {}", c.start, c.turn_end(c.turns)),
                    );
                });
            });
        }
        if e.rung > top {
            ck.at(EventField::Rung, |ck| {
                ck.error(format!(
                    "rung {} is above the top of the ladder ({top})",
                    e.rung
                ));
            });
        }
        ck.at(EventField::Mid, |ck| mid_code(ck, e.mid));
        if matches!(e.when, When::Dated(_)) && e.sources.is_empty() {
            ck.at(EventField::Sources, |ck| {
                ck.warn("a historical event should cite a source");
            });
        }
        if e.chance.is_some() && !matches!(e.when, When::Dated(_)) {
            ck.at(EventField::Chance, |ck| {
                ck.error_help(
                    "`chance` is for dated events",
                    "a random event has its `probability`, an incident its weight",
                );
            });
        }
    }

    /// Sanctions, track operations and the like are between the acting side and the other side.
    fn need_sides(ck: &mut Checker) {
        if !ck.scope().other {
            ck.error_help(
                "this effect needs an acting side",
                "use it in actions, track halts, or events whose `actor` is a playable side",
            );
        }
    }

    pub(crate) fn effect(e: &Effect<Raw>, ck: &mut Checker) {
        let target = ck.scope().target;
        match e {
            Effect::Relation(x, y, _) if x == y => ck.at(EffectField::Relation1, |ck| {
                ck.error("a relation needs two different actors");
            }),
            Effect::Impose { .. } | Effect::Threaten { .. } | Effect::Lift { .. } => {
                need_sides(ck);
            }
            Effect::BackChannel(_) => need_sides(ck),
            Effect::Track(None, _) if target != TargetKind::Track => {
                ck.at(EffectField::Track0, |ck| {
                    ck.error_help(
                        "no track named",
                        "name a track, or give the action `target: Track([...])`",
                    );
                });
            }
            Effect::Track(_, TrackOp::Progress(_)) => {}
            Effect::Track(..) => need_sides(ck),
            Effect::Move(_, path) if path.is_empty() => ck.at(EffectField::Move1, |ck| {
                ck.error("a move needs at least one region");
            }),
            Effect::Activity(None, _) if target != TargetKind::Region => {
                ck.at(EffectField::Activity0, |ck| {
                    ck.error_help(
                        "no region named",
                        "name a region, or give the action `target: Region([...])`",
                    );
                });
            }
            _ => {}
        }
    }

    pub(crate) fn objective_scope(_: &Objective<Raw>, _: &Checker) -> Scope {
        Scope::SIDES
    }

    pub(crate) fn objective(o: &Objective<Raw>, ck: &mut Checker) {
        ck.at(ObjectiveField::Key, |ck| ck.id_form(&o.key));
        if let (Some(side), Some(sides)) = (ck.peek_actor(&o.side), ck.context.sides)
            && !sides.contains(&side)
        {
            ck.at(ObjectiveField::Side, |ck| {
                ck.error(format!("`{}` is not a playable side", o.side));
            });
        }
    }

    pub(crate) fn inject_scope(i: &Inject<Raw>, _: &Checker) -> Scope {
        Scope {
            me: i.actor.is_some(),
            other: i.actor.is_some(),
            target: TargetKind::None,
        }
    }

    pub(crate) fn inject(i: &Inject<Raw>, ck: &mut Checker) {
        ck.at(InjectField::Key, |ck| ck.id_form(&i.key));
        match (i.turn, &i.when) {
            (Some(_), Some(_)) => ck.at(InjectField::When, |ck| {
                ck.error_help(
                    "an inject fires either in a turn or when a condition holds, not both",
                    "keep `turn` or `when`",
                );
            }),
            (None, None) => ck.error_help(
                "an inject needs `turn` or `when`",
                "for example `turn: 8` or `when: AtLeast(Tension, 60)`",
            ),
            (Some(turn), None) => {
                if let Some(c) = ck.context.calendar
                    && (turn == 0 || turn > c.turns)
                {
                    ck.at(InjectField::Turn, |ck| {
                        ck.error_help(
                            format!("turn {turn} is outside the game"),
                            format!("turns run from 1 to {}", c.turns),
                        );
                    });
                }
            }
            (None, Some(_)) => {}
        }
        if let Some(d) = &i.decision {
            ck.at(InjectField::Decision, |ck| {
                if let (Some(side), Some(sides)) = (ck.peek_actor(&d.side), ck.context.sides)
                    && !sides.contains(&side)
                {
                    ck.at(InjectDecisionField::Side, |ck| {
                        ck.error(format!("`{}` is not a playable side", d.side));
                    });
                }
                if d.options.is_empty() {
                    ck.at(InjectDecisionField::Options, |ck| {
                        ck.error("a decision needs at least one action to answer it");
                    });
                }
            });
        }
    }

    pub(crate) fn agenda(a: &Agenda<Raw>, ck: &mut Checker) {
        ck.at(AgendaField::Key, |ck| ck.id_form(&a.key));
        if let (Some(side), Some(sides)) = (ck.peek_actor(&a.side), ck.context.sides)
            && !sides.contains(&side)
        {
            ck.at(AgendaField::Side, |ck| {
                ck.error(format!("`{}` is not a playable side", a.side));
            });
        }
    }

    pub(crate) fn milestone(m: &Milestone<Raw>, ck: &mut Checker) {
        ck.at(MilestoneField::Key, |ck| ck.id_form(&m.key));
        if m.sources.is_empty() {
            ck.at(MilestoneField::Sources, |ck| {
                ck.warn("a milestone of the record should cite a source");
            });
        }
    }

    pub(crate) fn outcome(o: &Outcome<Raw>, ck: &mut Checker) {
        ck.at(OutcomeField::Key, |ck| ck.id_form(&o.key));
    }

    pub(crate) fn difficulty(d: &Difficulty, ck: &mut Checker) {
        ck.at(DifficultyField::Key, |ck| ck.id_form(&d.key));
    }
}
