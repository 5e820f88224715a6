//! Validate-and-build: turns parsed raw files into a typed [`Scenario`], collecting every problem.
//!
//! Each check names the file and the field path of the faulty value; locations are filled in
//! afterwards from the file texts. Unknown-id errors are suppressed for a kind whose file did not
//! parse completely, so one syntax error does not cascade into dozens of false alarms.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use super::model::*;
use super::problem::{Problem, Severity};
use super::raw::*;
use super::suggest::help_for_unknown;
use crate::date::Date;
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
    pub meta: Option<RawScenarioMeta>,
    /// `actors.ron`.
    pub actors: Listed<RawActor>,
    /// `relations.ron`.
    pub relations: Listed<RawRelation>,
    /// `regions.ron`.
    pub regions: Listed<RawRegion>,
    /// `forces.ron`.
    pub forces: Listed<RawForce>,
    /// `sectors.ron`.
    pub sectors: Listed<RawSector>,
    /// `trade.ron`.
    pub trade: Listed<RawFlow>,
    /// `tracks.ron`.
    pub tracks: Listed<RawTrack>,
    /// `ladder.ron`.
    pub ladder: Listed<RawRung>,
    /// `actions.ron`.
    pub actions: Listed<RawAction>,
    /// `events.ron`.
    pub events: Listed<RawEvent>,
    /// `objectives.ron`.
    pub objectives: Listed<RawObjective>,
    /// `outcomes.ron`.
    pub outcomes: Listed<RawOutcome>,
    /// `historical.ron`.
    pub historical: Listed<RawHistoricalTurn>,
    /// `glossary.ron`.
    pub glossary: Listed<RawConcept>,
    /// `sources.ron`.
    pub sources: Listed<RawSource>,
    /// `personalities.ron`.
    pub personalities: Listed<RawPersonality>,
    /// `difficulties.ron`.
    pub difficulties: Listed<RawDifficulty>,
    /// `rules.ron` (absent: defaults).
    pub params: Option<Params>,
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

/// A table of string ids of one kind.
#[derive(Debug, Default)]
struct Table {
    kind: &'static str,
    keys: Vec<String>,
    map: BTreeMap<String, u16>,
    complete: bool,
}

impl Table {
    fn new(kind: &'static str, complete: bool) -> Table {
        Table {
            kind,
            complete,
            ..Table::default()
        }
    }
}

/// What `self` and `other` mean where an effect or condition is read.
#[derive(Clone, Copy, Debug)]
struct Scope {
    /// `self` is allowed.
    me: bool,
    /// `other` is allowed.
    other: bool,
    /// What the order may name (for `Track(None, …)` and `Activity(None, …)`).
    target: TargetKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TargetKind {
    None,
    Track,
    Region,
}

const NO_SELF: Scope = Scope {
    me: false,
    other: false,
    target: TargetKind::None,
};

/// Collects problems while building.
pub struct Builder {
    problems: Vec<Problem>,
    actors: Table,
    regions: Table,
    tracks: Table,
    actions: Table,
    events: Table,
    sectors: Table,
    forces: Table,
    concepts: Table,
    sources: Table,
    personalities: Table,
}

impl Builder {
    fn new(raw: &RawScenario) -> Builder {
        Builder {
            problems: Vec::new(),
            actors: Table::new("actor", raw.actors.complete),
            regions: Table::new("region", raw.regions.complete),
            tracks: Table::new("track", raw.tracks.complete),
            actions: Table::new("action", raw.actions.complete),
            events: Table::new("event", raw.events.complete),
            sectors: Table::new("sector", raw.sectors.complete),
            forces: Table::new("force", raw.forces.complete),
            concepts: Table::new("concept", raw.glossary.complete),
            sources: Table::new("source", raw.sources.complete),
            personalities: Table::new("personality", raw.personalities.complete),
        }
    }

    fn push(
        &mut self,
        severity: Severity,
        file: &str,
        path: String,
        message: String,
        help: Option<String>,
    ) {
        self.problems.push(Problem {
            severity,
            file: PathBuf::from(file),
            path,
            location: None,
            message,
            help,
            source_line: None,
        });
    }

    fn error(&mut self, file: &str, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Error, file, path.into(), message.into(), None);
    }

    fn error_help(
        &mut self,
        file: &str,
        path: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(
            Severity::Error,
            file,
            path.into(),
            message.into(),
            Some(help.into()),
        );
    }

    fn warn(&mut self, file: &str, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, file, path.into(), message.into(), None);
    }

    /// A finite number within `lo..=hi`.
    fn num(&mut self, file: &str, path: &str, value: f64, lo: f64, hi: f64) -> f64 {
        if !value.is_finite() {
            self.error_help(
                file,
                path,
                format!("`{value}` is not a finite number"),
                format!("use a number from {lo} to {hi}"),
            );
            return lo;
        }
        if value < lo || value > hi {
            self.error_help(
                file,
                path,
                format!("{value} is out of range"),
                format!("use a number from {lo} to {hi}"),
            );
            return value.clamp(lo, hi);
        }
        value
    }

    fn text(&mut self, file: &str, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(file, path, "must not be empty");
        }
    }
}

fn table(b: &mut Builder, kind: Kind) -> &mut Table {
    match kind {
        Kind::Actor => &mut b.actors,
        Kind::Region => &mut b.regions,
        Kind::Track => &mut b.tracks,
        Kind::Action => &mut b.actions,
        Kind::Event => &mut b.events,
        Kind::Sector => &mut b.sectors,
        Kind::Force => &mut b.forces,
        Kind::Concept => &mut b.concepts,
        Kind::Source => &mut b.sources,
        Kind::Personality => &mut b.personalities,
    }
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Actor,
    Region,
    Track,
    Action,
    Event,
    Sector,
    Force,
    Concept,
    Source,
    Personality,
}

impl Builder {
    /// Adds an id to its table, checking its form and that it is new.
    fn register(&mut self, kind: Kind, file: &str, path: &str, key: &str) {
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
            self.error_help(
                file,
                path,
                format!("`{key}` is not a valid id"),
                "ids use letters, digits, `_`, `-` and `.`",
            );
            return;
        }
        if matches!(kind, Kind::Actor) && (key == "self" || key == "other") {
            self.error(file, path, format!("`{key}` is reserved (it means the acting side or the other side) and cannot be an actor id"));
            return;
        }
        let t = table(self, kind);
        if t.map.contains_key(key) {
            let kind_name = t.kind;
            self.error(file, path, format!("duplicate {kind_name} id `{key}`"));
            return;
        }
        if t.keys.len() >= usize::from(u16::MAX) {
            self.error(file, path, "too many entries");
            return;
        }
        let index = t.keys.len() as u16;
        t.keys.push(key.to_owned());
        t.map.insert(key.to_owned(), index);
    }

    /// Looks an id up; reports it when unknown (unless its file did not parse completely).
    fn lookup(&mut self, kind: Kind, file: &str, path: &str, key: &str) -> Option<u16> {
        let t = table(self, kind);
        if let Some(&i) = t.map.get(key) {
            return Some(i);
        }
        if t.complete {
            let keys: Vec<&str> = t.keys.iter().map(String::as_str).collect();
            let help = help_for_unknown(key, &keys);
            let message = format!("unknown {} `{key}`", t.kind);
            self.error_help(file, path, message, help);
        }
        None
    }

    fn actor(&mut self, file: &str, path: &str, key: &str) -> Option<ActorId> {
        self.lookup(Kind::Actor, file, path, key).map(ActorId)
    }
    fn region(&mut self, file: &str, path: &str, key: &str) -> Option<RegionId> {
        self.lookup(Kind::Region, file, path, key).map(RegionId)
    }
    fn track(&mut self, file: &str, path: &str, key: &str) -> Option<TrackId> {
        self.lookup(Kind::Track, file, path, key).map(TrackId)
    }
    fn sector(&mut self, file: &str, path: &str, key: &str) -> Option<SectorId> {
        self.lookup(Kind::Sector, file, path, key).map(SectorId)
    }
    fn force(&mut self, file: &str, path: &str, key: &str) -> Option<ForceId> {
        self.lookup(Kind::Force, file, path, key).map(ForceId)
    }

    fn concepts(&mut self, file: &str, path: &str, keys: &[String]) -> Vec<ConceptId> {
        keys.iter()
            .enumerate()
            .filter_map(|(i, k)| {
                self.lookup(Kind::Concept, file, &format!("{path}[{i}]"), k)
                    .map(ConceptId)
            })
            .collect()
    }

    fn sources(&mut self, file: &str, path: &str, keys: &[String]) -> Vec<SourceId> {
        keys.iter()
            .enumerate()
            .filter_map(|(i, k)| {
                self.lookup(Kind::Source, file, &format!("{path}[{i}]"), k)
                    .map(SourceId)
            })
            .collect()
    }

    fn who(&mut self, file: &str, path: &str, key: &str, scope: Scope) -> Option<Who> {
        match key {
            "self" if scope.me => Some(Who::Me),
            "other" if scope.other => Some(Who::Opponent),
            "self" | "other" => {
                self.error_help(
                    file,
                    path,
                    format!("`{key}` has no meaning here"),
                    "name an actor id: `self` and `other` only work in actions, objectives, track halts and events with a playable `actor`",
                );
                None
            }
            _ => self.actor(file, path, key).map(Who::Actor),
        }
    }
}

/// Validates and builds. On any error, returns every problem (errors and warnings).
pub fn build(
    raw: RawScenario,
    texts: TextFiles<'_>,
) -> Result<(Scenario, Vec<Problem>), Vec<Problem>> {
    let mut b = Builder::new(&raw);
    register_all(&mut b, &raw);
    let scenario = build_all(&mut b, raw, texts);
    let problems = std::mem::take(&mut b.problems);
    match scenario {
        Some(s) if !problems.iter().any(Problem::is_error) => Ok((s, problems)),
        _ => Err(problems),
    }
}

fn register_all(b: &mut Builder, raw: &RawScenario) {
    for (i, a) in &raw.actors.items {
        b.register(Kind::Actor, "actors.ron", &format!("[{i}].id"), &a.id);
    }
    for (i, r) in &raw.regions.items {
        b.register(Kind::Region, "regions.ron", &format!("[{i}].id"), &r.id);
    }
    for (i, t) in &raw.tracks.items {
        b.register(Kind::Track, "tracks.ron", &format!("[{i}].id"), &t.id);
    }
    for (i, a) in &raw.actions.items {
        b.register(Kind::Action, "actions.ron", &format!("[{i}].id"), &a.id);
    }
    for (i, e) in &raw.events.items {
        b.register(Kind::Event, "events.ron", &format!("[{i}].id"), &e.id);
    }
    for (i, s) in &raw.sectors.items {
        b.register(Kind::Sector, "sectors.ron", &format!("[{i}].id"), &s.id);
    }
    for (i, f) in &raw.forces.items {
        b.register(Kind::Force, "forces.ron", &format!("[{i}].id"), &f.id);
    }
    for (i, c) in &raw.glossary.items {
        b.register(Kind::Concept, "glossary.ron", &format!("[{i}].id"), &c.id);
    }
    for (i, s) in &raw.sources.items {
        b.register(Kind::Source, "sources.ron", &format!("[{i}].key"), &s.key);
    }
    for (i, p) in &raw.personalities.items {
        b.register(
            Kind::Personality,
            "personalities.ron",
            &format!("[{i}].id"),
            &p.id,
        );
    }
}

fn build_all(b: &mut Builder, raw: RawScenario, mut texts: TextFiles<'_>) -> Option<Scenario> {
    let meta_raw = raw.meta.as_ref();
    let sides = meta_raw.and_then(|m| build_sides(b, m));
    let calendar = meta_raw.and_then(|m| build_calendar(b, m));
    let actors = build_actors(b, &raw.actors.items, sides);
    let relations = build_relations(b, &raw.relations.items);
    let regions = build_regions(b, &raw.regions.items);
    let forces = build_forces(b, &raw.forces.items);
    let sectors = build_sectors(b, &raw.sectors.items);
    let flows = build_flows(b, &raw.trade.items);
    let tracks = build_tracks(b, &raw.tracks.items);
    let ladder = build_ladder(b, &raw.ladder.items);
    let top_rung = ladder.last().map_or(0, |r| r.level);
    let actions = build_actions(b, &raw.actions.items, top_rung);
    let events = build_events(b, &raw.events.items, calendar, sides, top_rung);
    let objectives = build_objectives(b, &raw.objectives.items, sides, raw.objectives.complete);
    let outcomes = build_outcomes(b, &raw.outcomes.items);
    let historical = build_historical(
        b,
        &raw.historical.items,
        sides,
        calendar,
        &raw.actions.items,
    );
    let concepts = build_concepts(b, &raw.glossary.items);
    for (i, s) in &raw.sources.items {
        b.text("sources.ron", &format!("[{i}].citation"), &s.citation);
    }
    let sources = raw
        .sources
        .items
        .iter()
        .map(|(_, s)| Source {
            key: s.key.clone(),
            citation: s.citation.clone(),
            url: s.url.clone(),
            weak: s.weak,
        })
        .collect();
    let personalities = build_personalities(b, &raw.personalities.items);
    let difficulties = build_difficulties(b, &raw.difficulties.items);
    let params = build_params(b, raw.params.clone().unwrap_or_default());
    let meta = meta_raw.and_then(|m| build_meta(b, m, calendar?, sides?, &mut texts));
    check_cross_references(
        b, &regions, &forces, &tracks, &ladder, &actions, &events, &raw,
    );

    let names = Names {
        actors: ids(&b.actors, ActorId),
        regions: ids(&b.regions, RegionId),
        tracks: ids(&b.tracks, TrackId),
        actions: ids(&b.actions, ActionId),
        events: ids(&b.events, EventId),
        sectors: ids(&b.sectors, SectorId),
        forces: ids(&b.forces, ForceId),
        concepts: ids(&b.concepts, ConceptId),
        personalities: ids(&b.personalities, PersonalityId),
    };
    Some(Scenario {
        meta: meta?,
        sides: sides?,
        actors,
        relations,
        regions,
        forces,
        sectors,
        flows,
        tracks,
        ladder,
        actions,
        events,
        objectives,
        outcomes,
        historical: historical?,
        concepts,
        sources,
        personalities,
        difficulties,
        params,
        content_hash: 0,
        names,
    })
}

fn ids<T: Copy>(t: &Table, make: impl Fn(u16) -> T) -> BTreeMap<String, T> {
    t.map.iter().map(|(k, &v)| (k.clone(), make(v))).collect()
}

const META: &str = "scenario.ron";

fn build_sides(b: &mut Builder, m: &RawScenarioMeta) -> Option<[ActorId; 2]> {
    if m.sides.len() != 2 {
        b.error_help(
            META,
            "sides",
            format!("{} sides given", m.sides.len()),
            "a scenario is a dyad: list exactly two playable actors",
        );
        return None;
    }
    let first = b.actor(META, "sides[0]", &m.sides[0]);
    let second = b.actor(META, "sides[1]", &m.sides[1]);
    let (first, second) = (first?, second?);
    if first == second {
        b.error(META, "sides[1]", "the two sides must be different actors");
        return None;
    }
    Some([first, second])
}

fn build_calendar(b: &mut Builder, m: &RawScenarioMeta) -> Option<Calendar> {
    let start = match m.calendar.start.parse::<Date>() {
        Ok(d) => Some(d),
        Err(e) => {
            b.error(META, "calendar.start", e.to_string());
            None
        }
    };
    if !(1..=366).contains(&m.calendar.days_per_turn) {
        b.error_help(
            META,
            "calendar.days_per_turn",
            format!("{} is out of range", m.calendar.days_per_turn),
            "use 1 to 366 days",
        );
    }
    if !(1..=520).contains(&m.calendar.turns) {
        b.error_help(
            META,
            "calendar.turns",
            format!("{} is out of range", m.calendar.turns),
            "use 1 to 520 turns",
        );
    }
    Some(Calendar {
        start: start?,
        days_per_turn: m.calendar.days_per_turn.clamp(1, 366),
        turns: m.calendar.turns.clamp(1, 520),
    })
}

fn build_meta(
    b: &mut Builder,
    m: &RawScenarioMeta,
    calendar: Calendar,
    sides: [ActorId; 2],
    texts: &mut TextFiles<'_>,
) -> Option<Meta> {
    if m.id.is_empty()
        || !m
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        b.error_help(
            META,
            "id",
            format!("`{}` is not a valid scenario id", m.id),
            "use letters, digits, `_` and `-`",
        );
    }
    b.text(META, "title", &m.title);
    b.text(META, "summary", &m.summary);
    if m.version == 0 {
        b.error(META, "version", "version starts at 1");
    }
    if m.map.is_empty()
        || !m
            .map
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        b.error_help(
            META,
            "map",
            format!("`{}` is not a valid map id", m.map),
            "the map id names `assets/maps/<id>.map.ron`",
        );
    }
    let mut briefings: [Option<String>; 2] = [None, None];
    let mut mentioned = [false; 2];
    for (i, brief) in m.briefings.iter().enumerate() {
        let path = format!("briefings[{i}]");
        let Some(actor) = b.actor(META, &format!("{path}.side"), &brief.side) else {
            continue;
        };
        let Some(slot) = sides.iter().position(|&s| s == actor) else {
            b.error(
                META,
                format!("{path}.side"),
                format!("`{}` is not one of the sides", brief.side),
            );
            continue;
        };
        if mentioned[slot] {
            b.error(
                META,
                format!("{path}.side"),
                format!("a second briefing for `{}`", brief.side),
            );
            continue;
        }
        mentioned[slot] = true;
        match (texts.read)(&brief.file) {
            Ok(text) => briefings[slot] = Some(text),
            Err(why) => b.error(META, format!("{path}.file"), why),
        }
    }
    for (slot, seen) in mentioned.iter().enumerate() {
        if !seen {
            let key = b.actors.keys[sides[slot].index()].clone();
            b.error_help(
                META,
                "briefings",
                format!("no briefing for side `{key}`"),
                "add `(side: \"...\", file: \"briefings/....md\")`",
            );
        }
    }
    let teacher_notes = match &m.teacher_notes {
        None => None,
        Some(file) => match (texts.read)(file) {
            Ok(text) => Some(text),
            Err(why) => {
                b.error(META, "teacher_notes", why);
                None
            }
        },
    };
    let [Some(first), Some(second)] = briefings else {
        return None;
    };
    Some(Meta {
        id: m.id.clone(),
        title: m.title.clone(),
        summary: m.summary.clone(),
        version: m.version,
        calendar,
        default_seed: m.default_seed,
        map: m.map.clone(),
        briefings: [first, second],
        teacher_notes,
        credits: m.credits.clone(),
        initial_tension: m
            .initial_tension
            .map(|t| b.num(META, "initial_tension", t, 0.0, 100.0)),
    })
}

/// Resolves a path written in `scenario.ron` inside the scenario folder, refusing any that
/// leaves it (absolute paths, `..` past the top, links pointing outside).
pub fn resolve_inside(dir: &Path, relative: &str) -> Result<PathBuf, String> {
    if relative.is_empty() {
        return Err("empty file path".into());
    }
    let mut inside = PathBuf::new();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => inside.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !inside.pop() {
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

fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn build_actors(
    b: &mut Builder,
    items: &[(usize, RawActor)],
    sides: Option<[ActorId; 2]>,
) -> Vec<Actor> {
    const F: &str = "actors.ron";
    let mut out = Vec::new();
    for (i, a) in items {
        let p = format!("[{i}]");
        b.text(F, &format!("{p}.name"), &a.name);
        let color = parse_color(&a.color).unwrap_or_else(|| {
            b.error_help(
                F,
                format!("{p}.color"),
                format!("`{}` is not a colour", a.color),
                "write `#RRGGBB`, e.g. `#0072B2`",
            );
            [128, 128, 128]
        });
        let gdp = b.num(F, &format!("{p}.gdp_usd_bn"), a.gdp_usd_bn, 0.001, 1.0e6);
        let mut initial = [0.0; Indicator::ALL.len()];
        let values = [
            (Indicator::Economy, a.initial.economy, "economy"),
            (Indicator::Approval, a.initial.approval, "approval"),
            (Indicator::Standing, a.initial.standing, "standing"),
            (Indicator::Readiness, a.initial.readiness, "readiness"),
            (Indicator::Hawks, a.initial.hawks, "hawks"),
            (Indicator::Doves, a.initial.doves, "doves"),
            (
                Indicator::EnergyStress,
                a.initial.energy_stress,
                "energy_stress",
            ),
        ];
        for (indicator, value, name) in values {
            initial[indicator.index()] =
                b.num(F, &format!("{p}.initial.{name}"), value, 0.0, 100.0);
        }
        let this = ActorId::from_index(out.len());
        let is_side = sides.is_some_and(|s| s.contains(&this));
        let side = match &a.side {
            None => {
                if is_side {
                    b.error_help(F, format!("{p}.id"), format!("`{}` is a playable side but has no `side` block", a.id), "add `side: (capital_per_turn: ..., capital_cap: ..., resolve: ..., prior: ..., sensitivity: ..., approval_baseline: ...)`");
                }
                None
            }
            Some(s) => {
                if sides.is_some() && !is_side {
                    b.warn(
                        F,
                        format!("{p}.side"),
                        format!(
                            "`{}` is not a playable side; its `side` block is ignored",
                            a.id
                        ),
                    );
                }
                let sp = format!("{p}.side");
                let capital_cap = b.num(F, &format!("{sp}.capital_cap"), s.capital_cap, 1.0, 100.0);
                let setup = SideSetup {
                    initial_capital: b.num(
                        F,
                        &format!("{sp}.initial_capital"),
                        s.initial_capital,
                        0.0,
                        capital_cap,
                    ),
                    capital_per_turn: b.num(
                        F,
                        &format!("{sp}.capital_per_turn"),
                        s.capital_per_turn,
                        0.0,
                        100.0,
                    ),
                    capital_cap,
                    resolve_mean: b.num(F, &format!("{sp}.resolve.mean"), s.resolve.mean, 0.0, 1.0),
                    resolve_spread: b.num(
                        F,
                        &format!("{sp}.resolve.spread"),
                        s.resolve.spread,
                        0.0,
                        0.5,
                    ),
                    prior: (
                        b.num(F, &format!("{sp}.prior.alpha"), s.prior.alpha, 0.1, 100.0),
                        b.num(F, &format!("{sp}.prior.beta"), s.prior.beta, 0.1, 100.0),
                    ),
                    sensitivity: Sensitivity {
                        pain: b.num(
                            F,
                            &format!("{sp}.sensitivity.pain"),
                            s.sensitivity.pain,
                            0.0,
                            5.0,
                        ),
                        rally: b.num(
                            F,
                            &format!("{sp}.sensitivity.rally"),
                            s.sensitivity.rally,
                            0.0,
                            5.0,
                        ),
                        audience: b.num(
                            F,
                            &format!("{sp}.sensitivity.audience"),
                            s.sensitivity.audience,
                            0.0,
                            5.0,
                        ),
                        energy: b.num(
                            F,
                            &format!("{sp}.sensitivity.energy"),
                            s.sensitivity.energy,
                            0.0,
                            5.0,
                        ),
                    },
                    approval_baseline: b.num(
                        F,
                        &format!("{sp}.approval_baseline"),
                        s.approval_baseline,
                        0.0,
                        100.0,
                    ),
                };
                initial[Indicator::Capital.index()] = setup.initial_capital.min(capital_cap);
                Some(setup)
            }
        };
        b.sources(F, &format!("{p}.source"), &a.source);
        out.push(Actor {
            key: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            color,
            leader: a.leader.clone(),
            gdp_usd_bn: gdp,
            initial,
            side,
        });
    }
    out
}

fn build_relations(b: &mut Builder, items: &[(usize, RawRelation)]) -> Vec<Relation> {
    const F: &str = "relations.ron";
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, r) in items {
        let p = format!("[{i}]");
        let a = b.actor(F, &format!("{p}.a"), &r.a);
        let bb = b.actor(F, &format!("{p}.b"), &r.b);
        let value = b.num(F, &format!("{p}.value"), r.value, -100.0, 100.0);
        b.sources(F, &format!("{p}.source"), &r.source);
        let (Some(a), Some(bb)) = (a, bb) else {
            continue;
        };
        if a == bb {
            b.error(F, format!("{p}.b"), "a relation needs two different actors");
            continue;
        }
        if !seen.insert((a.min(bb), a.max(bb))) {
            b.error(
                F,
                &p,
                format!("a second relation between `{}` and `{}`", r.a, r.b),
            );
            continue;
        }
        out.push(Relation {
            a,
            b: bb,
            value,
            label: r.label.clone(),
        });
    }
    out
}

fn build_regions(b: &mut Builder, items: &[(usize, RawRegion)]) -> Vec<Region> {
    const F: &str = "regions.ron";
    let mut out = Vec::new();
    for (i, r) in items {
        let p = format!("[{i}]");
        if !r.names.contains_key("en") {
            b.error_help(
                F,
                format!("{p}.names"),
                "no English name",
                "add `\"en\": \"...\"`",
            );
        }
        let administered_by = r
            .administered_by
            .as_ref()
            .and_then(|a| b.actor(F, &format!("{p}.administered_by"), a));
        let claimed_by: Vec<ActorId> = r
            .claimed_by
            .iter()
            .enumerate()
            .filter_map(|(j, a)| b.actor(F, &format!("{p}.claimed_by[{j}]"), a))
            .collect();
        if administered_by.is_some_and(|a| claimed_by.contains(&a)) {
            b.warn(
                F,
                format!("{p}.claimed_by"),
                "the administrator is also listed as a claimant",
            );
        }
        let anchor = (
            b.num(F, &format!("{p}.anchor.0"), r.anchor.0, -180.0, 180.0),
            b.num(F, &format!("{p}.anchor.1"), r.anchor.1, -90.0, 90.0),
        );
        for (j, point) in r.outline.iter().enumerate() {
            b.num(F, &format!("{p}.outline[{j}].0"), point.0, -180.0, 180.0);
            b.num(F, &format!("{p}.outline[{j}].1"), point.1, -90.0, 90.0);
        }
        if !r.outline.is_empty() && r.outline.len() < 3 {
            b.error(
                F,
                format!("{p}.outline"),
                "an outline needs at least three points",
            );
        }
        if r.outline.is_empty() && r.map_features.is_empty() {
            b.warn(F, &p, format!("region `{}` has neither map features nor an outline, so it cannot be drawn or hovered", r.id));
        }
        let adjacent = r
            .adjacent
            .iter()
            .enumerate()
            .filter_map(|(j, a)| b.region(F, &format!("{p}.adjacent[{j}]"), a))
            .collect();
        b.text(F, &format!("{p}.note"), &r.note);
        b.sources(F, &format!("{p}.source"), &r.source);
        out.push(Region {
            key: r.id.clone(),
            names: r.names.clone(),
            kind: r.kind,
            administered_by,
            claimed_by,
            anchor,
            map_features: r.map_features.clone(),
            outline: r.outline.clone(),
            adjacent,
            note: r.note.clone(),
        });
    }
    out
}

fn build_forces(b: &mut Builder, items: &[(usize, RawForce)]) -> Vec<Force> {
    const F: &str = "forces.ron";
    let mut out = Vec::new();
    for (i, f) in items {
        let p = format!("[{i}]");
        let owner = b.actor(F, &format!("{p}.owner"), &f.owner);
        let home = b.region(F, &format!("{p}.home"), &f.home);
        let strength = b.num(F, &format!("{p}.strength"), f.strength, 1.0, 100.0);
        b.sources(F, &format!("{p}.source"), &f.source);
        b.text(F, &format!("{p}.name"), &f.name);
        if let (Some(owner), Some(home)) = (owner, home) {
            out.push(Force {
                key: f.id.clone(),
                owner,
                name: f.name.clone(),
                kind: f.kind,
                home,
                strength,
            });
        }
    }
    out
}

fn build_sectors(b: &mut Builder, items: &[(usize, RawSector)]) -> Vec<Sector> {
    items
        .iter()
        .map(|(i, s)| {
            b.text("sectors.ron", &format!("[{i}].name"), &s.name);
            Sector {
                key: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind,
                description: s.description.clone(),
            }
        })
        .collect()
}

fn build_flows(b: &mut Builder, items: &[(usize, RawFlow)]) -> Vec<Flow> {
    const F: &str = "trade.ron";
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, f) in items {
        let p = format!("[{i}]");
        let exporter = b.actor(F, &format!("{p}.exporter"), &f.exporter);
        let importer = b.actor(F, &format!("{p}.importer"), &f.importer);
        let sector = b.sector(F, &format!("{p}.sector"), &f.sector);
        let value = b.num(F, &format!("{p}.value"), f.value, 0.0, 1.0e7);
        let importer_dependence = b.num(
            F,
            &format!("{p}.importer_dependence"),
            f.importer_dependence,
            0.0,
            1.0,
        );
        let criticality = b.num(F, &format!("{p}.criticality"), f.criticality, 0.0, 1.0);
        let adaptation_turns = b.num(
            F,
            &format!("{p}.adaptation_turns"),
            f.adaptation_turns,
            0.5,
            1000.0,
        );
        let requires_track = f
            .requires_track
            .as_ref()
            .and_then(|t| b.track(F, &format!("{p}.requires_track"), t));
        b.sources(F, &format!("{p}.source"), &f.source);
        let (Some(exporter), Some(importer), Some(sector)) = (exporter, importer, sector) else {
            continue;
        };
        if exporter == importer {
            b.error(
                F,
                format!("{p}.importer"),
                "a flow needs two different actors",
            );
            continue;
        }
        if !seen.insert((exporter, importer, sector)) {
            b.error(
                F,
                &p,
                format!(
                    "a second `{}` flow from `{}` to `{}`",
                    f.sector, f.exporter, f.importer
                ),
            );
            continue;
        }
        out.push(Flow {
            exporter,
            importer,
            sector,
            value,
            importer_dependence,
            criticality,
            adaptation_turns,
            requires_track,
        });
    }
    out
}

fn build_tracks(b: &mut Builder, items: &[(usize, RawTrack)]) -> Vec<Track> {
    const F: &str = "tracks.ron";
    let mut out = Vec::new();
    for (i, t) in items {
        let p = format!("[{i}]");
        b.text(F, &format!("{p}.name"), &t.name);
        b.text(F, &format!("{p}.description"), &t.description);
        let progress = b.num(F, &format!("{p}.progress"), t.progress, 0.0, 100.0);
        let step = b.num(F, &format!("{p}.step"), t.step, 0.0, 100.0);
        if t.stages.is_empty() {
            b.error(F, format!("{p}.stages"), "a track needs at least one stage");
        }
        let mut last = f64::NEG_INFINITY;
        let mut stages = Vec::new();
        for (j, s) in t.stages.iter().enumerate() {
            let at = b.num(F, &format!("{p}.stages[{j}].at"), s.at, 0.0, 100.0);
            if j == 0 && at != 0.0 {
                b.error(
                    F,
                    format!("{p}.stages[0].at"),
                    "the first stage must begin at 0",
                );
            }
            if at <= last {
                b.error(
                    F,
                    format!("{p}.stages[{j}].at"),
                    format!("stages out of order: {at} does not come after {last}"),
                );
            }
            last = at;
            stages.push((s.name.clone(), at));
        }
        let advance_requires = build_condition(
            b,
            F,
            &format!("{p}.advance_requires"),
            &t.advance_requires,
            NO_SELF,
        );
        let this = TrackId::from_index(out.len());
        let requires_active = t
            .requires_active
            .iter()
            .enumerate()
            .filter_map(|(j, k)| {
                let path = format!("{p}.requires_active[{j}]");
                let id = b.track(F, &path, k)?;
                if id == this {
                    b.error(F, path, "a track cannot require itself");
                    return None;
                }
                Some(id)
            })
            .collect();
        let while_active =
            build_effects(b, F, &format!("{p}.while_active"), &t.while_active, NO_SELF);
        let halt_scope = Scope {
            me: true,
            other: true,
            target: TargetKind::None,
        };
        let on_halt = build_effects(b, F, &format!("{p}.on_halt"), &t.on_halt, halt_scope);
        b.sources(F, &format!("{p}.source"), &t.source);
        if t.status == TrackStatus::Terminated && progress > 0.0 {
            b.warn(
                F,
                format!("{p}.progress"),
                "a terminated track keeps no progress",
            );
        }
        out.push(Track {
            key: t.id.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
            status: t.status,
            progress,
            stages,
            step,
            advance_requires: advance_requires.unwrap_or(Condition::Never),
            blocked_reason: t.blocked_reason.clone(),
            requires_active,
            while_active,
            on_halt,
        });
    }
    out
}

fn build_ladder(b: &mut Builder, items: &[(usize, RawRung)]) -> Vec<Rung> {
    const F: &str = "ladder.ron";
    if items.is_empty() {
        b.error(F, "", "the escalation ladder needs at least one rung");
    }
    let mut out = Vec::new();
    for (i, r) in items {
        let p = format!("[{i}]");
        if usize::from(r.level) != out.len() {
            b.error_help(
                F,
                format!("{p}.level"),
                format!("rung level {} out of order", r.level),
                format!(
                    "rungs are numbered 0, 1, 2, … in order; expected {}",
                    out.len()
                ),
            );
        }
        if !(1..=5).contains(&r.hostility) {
            b.error_help(
                F,
                format!("{p}.hostility"),
                format!("{} is not a MID hostility level", r.hostility),
                "use 1 (no militarized action) to 5 (war)",
            );
        }
        if let Some(k) = r.kahn
            && !(1..=44).contains(&k)
        {
            b.error_help(
                F,
                format!("{p}.kahn"),
                format!("{k} is not a rung of Kahn's ladder"),
                "Kahn's ladder has rungs 1 to 44",
            );
        }
        let on_reach = build_effects(b, F, &format!("{p}.on_reach"), &r.on_reach, NO_SELF);
        b.sources(F, &format!("{p}.source"), &r.source);
        out.push(Rung {
            level: out.len() as u8,
            name: r.name.clone(),
            kahn: r.kahn,
            hostility: r.hostility.clamp(1, 5),
            description: r.description.clone(),
            threshold: r.threshold.clone(),
            on_reach,
        });
    }
    out
}

fn build_actions(b: &mut Builder, items: &[(usize, RawAction)], top_rung: u8) -> Vec<Action> {
    const F: &str = "actions.ron";
    let mut out = Vec::new();
    for (i, a) in items {
        let p = format!("[{i}]");
        b.text(F, &format!("{p}.name"), &a.name);
        b.text(F, &format!("{p}.description"), &a.description);
        if a.actors.is_empty() {
            b.error(F, format!("{p}.actors"), "no actor may take this action");
        }
        let actors: Vec<ActorId> = a
            .actors
            .iter()
            .enumerate()
            .filter_map(|(j, k)| b.actor(F, &format!("{p}.actors[{j}]"), k))
            .collect();
        let capital = b.num(F, &format!("{p}.capital"), a.capital, 0.0, 100.0);
        let readiness = b.num(F, &format!("{p}.readiness"), a.readiness, 0.0, 100.0);
        let (target, target_kind) = match &a.target {
            RawTarget::Nothing => (Target::Nothing, TargetKind::None),
            RawTarget::Track(keys) => (
                Target::Track(
                    keys.iter()
                        .enumerate()
                        .filter_map(|(j, k)| b.track(F, &format!("{p}.target.0[{j}]"), k))
                        .collect(),
                ),
                TargetKind::Track,
            ),
            RawTarget::Region(keys) => (
                Target::Region(
                    keys.iter()
                        .enumerate()
                        .filter_map(|(j, k)| b.region(F, &format!("{p}.target.0[{j}]"), k))
                        .collect(),
                ),
                TargetKind::Region,
            ),
        };
        let scope = Scope {
            me: true,
            other: true,
            target: target_kind,
        };
        let requires = build_condition(b, F, &format!("{p}.requires"), &a.requires, scope);
        if a.effects.is_empty() {
            b.warn(
                F,
                format!("{p}.effects"),
                "an action without effects does nothing",
            );
        }
        let effects = build_effects(b, F, &format!("{p}.effects"), &a.effects, scope);
        if a.rung > top_rung {
            b.error_help(
                F,
                format!("{p}.rung"),
                format!("rung {} is above the top of the ladder", a.rung),
                format!("the ladder's top rung is {top_rung}"),
            );
        }
        match a.mid {
            Some(code) if usize::from(code) >= MID_HOSTILITY.len() => {
                b.error_help(
                    F,
                    format!("{p}.mid"),
                    format!("{code} is not a MID action code"),
                    "MID action codes run from 0 to 21",
                );
            }
            None if a.category == Category::Military => {
                b.error_help(
                    F,
                    format!("{p}.mid"),
                    "a military action needs its MID action code",
                    "for example `mid: 7` (show of force)",
                );
            }
            _ => {}
        }
        if a.concepts.is_empty() {
            b.error_help(
                F,
                format!("{p}.concepts"),
                "an action must name the IR concept it illustrates",
                "add a glossary id, e.g. `concepts: [\"costly_signalling\"]`",
            );
        }
        let concepts = b.concepts(F, &format!("{p}.concepts"), &a.concepts);
        let sources = b.sources(F, &format!("{p}.source"), &a.source);
        if a.limit == Some(0) {
            b.error(
                F,
                format!("{p}.limit"),
                "a limit of 0 means the action can never be taken; remove the action instead",
            );
        }
        out.push(Action {
            key: a.id.clone(),
            name: a.name.clone(),
            description: a.description.clone(),
            category: a.category,
            actors,
            capital,
            readiness,
            requires: requires.unwrap_or(Condition::Never),
            requires_text: a.requires_text.clone(),
            target,
            effects,
            visibility: a.visibility,
            signal: a.signal,
            stance: a.stance,
            rung: a.rung.min(top_rung),
            mid: a.mid,
            limit: a.limit,
            concepts,
            sources,
        });
    }
    out
}

fn build_events(
    b: &mut Builder,
    items: &[(usize, RawEvent)],
    calendar: Option<Calendar>,
    sides: Option<[ActorId; 2]>,
    top_rung: u8,
) -> Vec<Event> {
    const F: &str = "events.ron";
    let mut out = Vec::new();
    let mut last_date: Option<Date> = None;
    for (i, e) in items {
        let p = format!("[{i}]");
        b.text(F, &format!("{p}.name"), &e.name);
        b.text(F, &format!("{p}.description"), &e.description);
        let when = match &e.when {
            RawWhen::Dated(text) => match text.parse::<Date>() {
                Err(err) => {
                    b.error(F, format!("{p}.when.0"), err.to_string());
                    When::Dated(Date::from_ymd(1970, 1, 1).expect("valid date"))
                }
                Ok(date) => {
                    if let Some(c) = calendar
                        && c.turn_of(date).is_none()
                    {
                        b.error_help(
                            F,
                            format!("{p}.when.0"),
                            format!("{date} is outside the scenario's calendar"),
                            format!("the game runs from {} to {}", c.start, c.turn_end(c.turns)),
                        );
                    }
                    if let Some(prev) = last_date
                        && date < prev
                    {
                        b.error_help(
                            F,
                            format!("{p}.when.0"),
                            format!("dates out of order: {date} comes after {prev}"),
                            "list dated events in chronological order",
                        );
                    }
                    last_date = Some(date);
                    When::Dated(date)
                }
            },
            RawWhen::Random {
                probability,
                per_tension,
                max_times,
            } => {
                if *max_times == 0 {
                    b.error(
                        F,
                        format!("{p}.when.max_times"),
                        "max_times must be at least 1",
                    );
                }
                When::Random {
                    probability: b.num(F, &format!("{p}.when.probability"), *probability, 0.0, 1.0),
                    per_tension: b.num(
                        F,
                        &format!("{p}.when.per_tension"),
                        *per_tension,
                        0.0,
                        0.01,
                    ),
                    max_times: *max_times,
                }
            }
            RawWhen::Incident(weight) => {
                When::Incident(b.num(F, &format!("{p}.when.0"), *weight, 0.001, 1000.0))
            }
        };
        let actor = e
            .actor
            .as_ref()
            .and_then(|a| b.actor(F, &format!("{p}.actor"), a));
        // When the actor could not be looked up (its file did not parse), do not pile further
        // errors on `self` and `other`: the real problem is reported where it is.
        let unresolved = e.actor.is_some() && actor.is_none();
        let scope = Scope {
            me: e.actor.is_some(),
            other: e.actor.is_some()
                && (unresolved || sides.is_none_or(|s| actor.is_some_and(|a| s.contains(&a)))),
            target: TargetKind::None,
        };
        let condition = build_condition(b, F, &format!("{p}.condition"), &e.condition, scope);
        let effects = build_effects(b, F, &format!("{p}.effects"), &e.effects, scope);
        if e.rung > top_rung {
            b.error(
                F,
                format!("{p}.rung"),
                format!(
                    "rung {} is above the top of the ladder ({top_rung})",
                    e.rung
                ),
            );
        }
        if let Some(code) = e.mid
            && usize::from(code) >= MID_HOSTILITY.len()
        {
            b.error_help(
                F,
                format!("{p}.mid"),
                format!("{code} is not a MID action code"),
                "MID action codes run from 0 to 21",
            );
        }
        let concepts = b.concepts(F, &format!("{p}.concepts"), &e.concepts);
        let sources = b.sources(F, &format!("{p}.source"), &e.source);
        if matches!(e.when, RawWhen::Dated(_)) && e.source.is_empty() {
            b.warn(
                F,
                format!("{p}.source"),
                "a historical event should cite a source",
            );
        }
        out.push(Event {
            key: e.id.clone(),
            name: e.name.clone(),
            description: e.description.clone(),
            when,
            kind: e.kind,
            actor,
            condition: condition.unwrap_or(Condition::Never),
            effects,
            rung: e.rung.min(top_rung),
            mid: e.mid,
            concepts,
            sources,
        });
    }
    out
}

fn build_objectives(
    b: &mut Builder,
    items: &[(usize, RawObjective)],
    sides: Option<[ActorId; 2]>,
    complete: bool,
) -> Vec<Objective> {
    const F: &str = "objectives.ron";
    let mut keys = BTreeSet::new();
    let mut out = Vec::new();
    for (i, o) in items {
        let p = format!("[{i}]");
        check_id_form(b, F, &format!("{p}.id"), &o.id);
        b.text(F, &format!("{p}.name"), &o.name);
        if !keys.insert(o.id.clone()) {
            b.error(
                F,
                format!("{p}.id"),
                format!("duplicate objective id `{}`", o.id),
            );
        }
        let side = b.actor(F, &format!("{p}.side"), &o.side);
        if let (Some(side), Some(sides)) = (side, sides)
            && !sides.contains(&side)
        {
            b.error(
                F,
                format!("{p}.side"),
                format!("`{}` is not a playable side", o.side),
            );
        }
        let weight = b.num(F, &format!("{p}.weight"), o.weight, 0.01, 100.0);
        let scope = Scope {
            me: true,
            other: true,
            target: TargetKind::None,
        };
        let condition = build_condition(b, F, &format!("{p}.condition"), &o.condition, scope);
        if let (Some(side), Some(condition)) = (side, condition) {
            out.push(Objective {
                key: o.id.clone(),
                side,
                name: o.name.clone(),
                description: o.description.clone(),
                weight,
                condition,
            });
        }
    }
    if let Some(sides) = sides {
        for side in sides {
            if !out.iter().any(|o| o.side == side) && complete {
                let key = b.actors.keys[side.index()].clone();
                b.error(F, "", format!("side `{key}` has no objectives"));
            }
        }
    }
    out
}

fn build_outcomes(b: &mut Builder, items: &[(usize, RawOutcome)]) -> Vec<Outcome> {
    const F: &str = "outcomes.ron";
    let mut keys = BTreeSet::new();
    let mut out = Vec::new();
    for (i, o) in items {
        let p = format!("[{i}]");
        check_id_form(b, F, &format!("{p}.id"), &o.id);
        b.text(F, &format!("{p}.name"), &o.name);
        if !keys.insert(o.id.clone()) {
            b.error(
                F,
                format!("{p}.id"),
                format!("duplicate outcome id `{}`", o.id),
            );
        }
        let condition = build_condition(b, F, &format!("{p}.condition"), &o.condition, NO_SELF);
        if let Some(condition) = condition {
            out.push(Outcome {
                key: o.id.clone(),
                name: o.name.clone(),
                description: o.description.clone(),
                condition,
                ends_game: o.ends_game,
            });
        }
    }
    if items.is_empty() {
        b.error(F, "", "a scenario needs at least one outcome");
    } else if !out.iter().any(|o| o.condition == Condition::Always) {
        b.warn(
            F,
            "",
            "no outcome has `condition: Always`, so a game may end without a named outcome",
        );
    }
    out
}

fn build_historical(
    b: &mut Builder,
    items: &[(usize, RawHistoricalTurn)],
    sides: Option<[ActorId; 2]>,
    calendar: Option<Calendar>,
    actions: &[(usize, RawAction)],
) -> Option<[Vec<Vec<Order>>; 2]> {
    const F: &str = "historical.ron";
    let sides = sides?;
    let turns = calendar.map_or(0, |c| c.turns);
    let mut out: [Vec<Vec<Order>>; 2] = [
        vec![Vec::new(); turns as usize],
        vec![Vec::new(); turns as usize],
    ];
    let mut last_turn = [0u32; 2];
    for (i, h) in items {
        let p = format!("[{i}]");
        let Some(actor) = b.actor(F, &format!("{p}.side"), &h.side) else {
            continue;
        };
        let Some(slot) = sides.iter().position(|&s| s == actor) else {
            b.error(
                F,
                format!("{p}.side"),
                format!("`{}` is not a playable side", h.side),
            );
            continue;
        };
        if h.turn == 0 || h.turn > turns {
            b.error_help(
                F,
                format!("{p}.turn"),
                format!("turn {} is outside the game", h.turn),
                format!("turns run from 1 to {turns}"),
            );
            continue;
        }
        if h.turn <= last_turn[slot] {
            b.error_help(
                F,
                format!("{p}.turn"),
                format!(
                    "turns out of order: turn {} of `{}` comes after turn {}",
                    h.turn, h.side, last_turn[slot]
                ),
                "list each side's turns once, in ascending order",
            );
            continue;
        }
        last_turn[slot] = h.turn;
        b.sources(F, &format!("{p}.source"), &h.source);
        for (j, raw) in h.orders.iter().enumerate() {
            let op = format!("{p}.orders[{j}]");
            if let Some(order) = build_order(b, F, &op, raw, actor, actions) {
                out[slot][h.turn as usize - 1].push(order);
            }
        }
    }
    Some(out)
}

fn build_order(
    b: &mut Builder,
    file: &str,
    path: &str,
    raw: &RawOrder,
    actor: ActorId,
    actions: &[(usize, RawAction)],
) -> Option<Order> {
    let action = ActionId(b.lookup(Kind::Action, file, &format!("{path}.action"), &raw.action)?);
    let spec = actions
        .iter()
        .find(|(_, a)| a.id == raw.action)
        .map(|(_, a)| a)?;
    let actor_key = b.actors.keys[actor.index()].clone();
    if !spec.actors.contains(&actor_key) {
        b.error_help(
            file,
            format!("{path}.action"),
            format!("`{actor_key}` may not take `{}`", raw.action),
            format!("its actors are {:?}", spec.actors),
        );
    }
    let (allowed_tracks, allowed_regions) = match &spec.target {
        RawTarget::Track(list) => (Some(list), None),
        RawTarget::Region(list) => (None, Some(list)),
        RawTarget::Nothing => (None, None),
    };
    let track = order_target(
        b,
        file,
        path,
        &raw.action,
        "track",
        allowed_tracks,
        raw.track.as_ref(),
        |b, p, k| b.track(file, p, k),
    )?;
    let region = order_target(
        b,
        file,
        path,
        &raw.action,
        "region",
        allowed_regions,
        raw.region.as_ref(),
        |b, p, k| b.region(file, p, k),
    )?;
    Some(Order {
        action,
        track,
        region,
    })
}

/// The track or region an order names, checked against what its action takes: `Err` when a
/// named id is unknown (reported), `Ok(None)` when nothing is or should be named.
#[allow(clippy::too_many_arguments)]
fn order_target<T>(
    b: &mut Builder,
    file: &str,
    path: &str,
    action: &str,
    what: &str,
    allowed: Option<&Vec<String>>,
    given: Option<&String>,
    lookup: impl Fn(&mut Builder, &str, &str) -> Option<T>,
) -> Option<Option<T>> {
    let field = format!("{path}.{what}");
    match (allowed, given) {
        (Some(allowed), Some(key)) => {
            let id = lookup(b, &field, key)?;
            if !allowed.is_empty() && !allowed.contains(key) {
                b.error_help(
                    file,
                    &field,
                    format!("`{action}` cannot name {what} `{key}`"),
                    format!("allowed: {allowed:?}"),
                );
            }
            Some(Some(id))
        }
        (Some(_), None) => {
            b.error(file, path, format!("`{action}` needs a `{what}`"));
            Some(None)
        }
        (None, Some(_)) => {
            b.error(file, &field, format!("`{action}` does not take a {what}"));
            Some(None)
        }
        (None, None) => Some(None),
    }
}

fn build_concepts(b: &mut Builder, items: &[(usize, RawConcept)]) -> Vec<Concept> {
    const F: &str = "glossary.ron";
    items
        .iter()
        .map(|(i, c)| {
            let p = format!("[{i}]");
            b.text(F, &format!("{p}.term"), &c.term);
            b.text(F, &format!("{p}.definition"), &c.definition);
            Concept {
                key: c.id.clone(),
                term: c.term.clone(),
                definition: c.definition.clone(),
                in_game: c.in_game.clone(),
                sources: b.sources(F, &format!("{p}.source"), &c.source),
            }
        })
        .collect()
}

fn build_personalities(b: &mut Builder, items: &[(usize, RawPersonality)]) -> Vec<Personality> {
    const F: &str = "personalities.ron";
    items
        .iter()
        .map(|(i, q)| {
            let p = format!("[{i}]");
            Personality {
                key: q.id.clone(),
                name: q.name.clone(),
                description: q.description.clone(),
                objectives: b.num(F, &format!("{p}.objectives"), q.objectives, 0.0, 10.0),
                escalation: b.num(F, &format!("{p}.escalation"), q.escalation, -10.0, 10.0),
                history: b.num(F, &format!("{p}.history"), q.history, 0.0, 10.0),
                hawkishness: b.num(F, &format!("{p}.hawkishness"), q.hawkishness, -10.0, 10.0),
                tension_aversion: b.num(
                    F,
                    &format!("{p}.tension_aversion"),
                    q.tension_aversion,
                    0.0,
                    10.0,
                ),
            }
        })
        .collect()
}

fn build_difficulties(b: &mut Builder, items: &[(usize, RawDifficulty)]) -> Vec<Difficulty> {
    const F: &str = "difficulties.ron";
    let mut keys = BTreeSet::new();
    let mut out = Vec::new();
    for (i, d) in items {
        let p = format!("[{i}]");
        check_id_form(b, F, &format!("{p}.id"), &d.id);
        if !keys.insert(d.id.clone()) {
            b.error(
                F,
                format!("{p}.id"),
                format!("duplicate difficulty id `{}`", d.id),
            );
        }
        let mut whole = |field: &str, value: u32, lo: u32, hi: u32| {
            if !(lo..=hi).contains(&value) {
                b.error_help(
                    F,
                    format!("{p}.{field}"),
                    format!("{value} is out of range"),
                    format!("use {lo} to {hi}"),
                );
            }
            value.clamp(lo, hi)
        };
        let shortlist = whole("shortlist", d.shortlist, 1, 40) as usize;
        let rollouts = whole("rollouts", d.rollouts, 1, 64) as usize;
        let depth = whole("depth", d.depth, 1, 12);
        let bundle = whole("bundle", d.bundle, 1, 5) as usize;
        let noise = b.num(F, &format!("{p}.noise"), d.noise, 0.0, 50.0);
        out.push(Difficulty {
            key: d.id.clone(),
            name: d.name.clone(),
            shortlist,
            rollouts,
            depth,
            bundle,
            noise,
        });
    }
    out
}

/// Checks that need several tables built: paths follow adjacency, MID codes fit their rungs,
/// track prerequisites form no cycle, difficulty ids are ones the AI uses.
#[allow(clippy::too_many_arguments)]
fn check_cross_references(
    b: &mut Builder,
    regions: &[Region],
    forces: &[Force],
    tracks: &[Track],
    ladder: &[Rung],
    actions: &[Action],
    events: &[Event],
    raw: &RawScenario,
) {
    let adjacent = |a: RegionId, c: RegionId| {
        a == c
            || regions
                .get(a.index())
                .is_some_and(|r| r.adjacent.contains(&c))
            || regions
                .get(c.index())
                .is_some_and(|r| r.adjacent.contains(&a))
    };
    // Ships and troops go from a region to a neighbour; aircraft fly where they like.
    let check_moves = |b: &mut Builder, file: &str, item: usize, effects: &[Effect]| {
        for (j, effect) in effects.iter().enumerate() {
            if let Effect::Move(force, path) = effect
                && forces
                    .get(force.index())
                    .is_some_and(|f| f.kind != ForceKind::AirWing)
            {
                for (k, step) in path.windows(2).enumerate() {
                    if !adjacent(step[0], step[1]) {
                        b.warn(
                            file,
                            format!("[{item}].effects[{j}].1[{}]", k + 1),
                            format!(
                                "the path jumps from `{}` to `{}`, which are not adjacent",
                                regions[step[0].index()].key,
                                regions[step[1].index()].key
                            ),
                        );
                    }
                }
            }
        }
    };
    for ((i, _), action) in raw.actions.items.iter().zip(actions) {
        check_moves(b, "actions.ron", *i, &action.effects);
        if let (Some(mid), Some(rung)) = (action.mid, ladder.get(usize::from(action.rung)))
            && let Some(&hostility) = MID_HOSTILITY.get(usize::from(mid))
            && action.rung > 0
            && hostility.abs_diff(rung.hostility) > 1
        {
            b.warn(
                "actions.ron",
                format!("[{i}].mid"),
                format!(
                    "MID action {mid} has hostility level {hostility}, but rung {} (\"{}\") has {}",
                    rung.level, rung.name, rung.hostility
                ),
            );
        }
    }
    for ((i, _), event) in raw.events.items.iter().zip(events) {
        check_moves(b, "events.ron", *i, &event.effects);
    }
    // Prerequisite cycles: a track that (through others) requires itself can never be active.
    for (start, track) in tracks.iter().enumerate() {
        let mut seen = vec![false; tracks.len()];
        let mut stack: Vec<TrackId> = track.requires_active.clone();
        while let Some(t) = stack.pop() {
            if t.index() == start {
                let i = raw.tracks.items.get(start).map_or(start, |(i, _)| *i);
                b.error(
                    "tracks.ron",
                    format!("[{i}].requires_active"),
                    format!("`{}` requires itself through its prerequisites", track.key),
                );
                break;
            }
            if t.index() < seen.len() && !seen[t.index()] {
                seen[t.index()] = true;
                stack.extend(tracks[t.index()].requires_active.iter().copied());
            }
        }
    }
    for (i, d) in &raw.difficulties.items {
        if !["easy", "normal", "hard"].contains(&d.id.as_str()) {
            b.warn(
                "difficulties.ron",
                format!("[{i}].id"),
                format!(
                    "the AI has the difficulties `easy`, `normal` and `hard`; `{}` is never used",
                    d.id
                ),
            );
        }
    }
}

/// An id of a kind that has no table (objectives, outcomes, difficulties) still has the id form.
fn check_id_form(b: &mut Builder, file: &str, path: &str, key: &str) {
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        b.error_help(
            file,
            path,
            format!("`{key}` is not a valid id"),
            "ids use letters, digits, `_`, `-` and `.`",
        );
    }
}

fn build_params(b: &mut Builder, params: Params) -> Params {
    const F: &str = "rules.ron";
    let p = params;
    let checks: [(&str, f64, f64, f64); 37] = [
        ("yen_per_usd", p.yen_per_usd, 1.0, 1000.0),
        ("export_pain_scale", p.export_pain_scale, 0.0, 10_000.0),
        ("supply_pain_scale", p.supply_pain_scale, 0.0, 1000.0),
        ("energy_stress_scale", p.energy_stress_scale, 0.0, 1000.0),
        ("economy_recovery", p.economy_recovery, 0.0, 1.0),
        ("adaptation_max", p.adaptation_max, 0.0, 1.0),
        ("evasion_max", p.evasion_max, 0.0, 1.0),
        ("evasion_turns", p.evasion_turns, 0.1, 1000.0),
        ("coalition_keep_pace", p.coalition_keep_pace, 0.0, 100.0),
        ("coalition_lag_penalty", p.coalition_lag_penalty, 0.0, 100.0),
        ("assurance_tension", p.assurance_tension, 0.0, 100.0),
        (
            "back_channel_step_bonus",
            p.back_channel_step_bonus,
            0.0,
            1.0,
        ),
        ("back_channel_decay", p.back_channel_decay, 0.0, 1.0),
        (
            "audience_per_commitment",
            p.audience_per_commitment,
            0.0,
            100.0,
        ),
        ("audience_decay", p.audience_decay, 0.0, 1.0),
        ("backdown_factor", p.backdown_factor, 0.0, 10.0),
        ("belief_sunk", p.belief_sunk, 0.0, 100.0),
        ("belief_tied", p.belief_tied, 0.0, 100.0),
        ("belief_backdown", p.belief_backdown, 0.0, 100.0),
        ("approval_drift", p.approval_drift, 0.0, 1.0),
        ("pain_to_approval", p.pain_to_approval, 0.0, 100.0),
        ("energy_to_approval", p.energy_to_approval, 0.0, 100.0),
        ("energy_decay", p.energy_decay, 0.0, 1.0),
        ("rally_per_provocation", p.rally_per_provocation, 0.0, 100.0),
        ("rally_cap", p.rally_cap, 0.0, 100.0),
        ("stance_effect", p.stance_effect, 0.0, 100.0),
        ("election_threshold", p.election_threshold, 0.0, 100.0),
        ("tension_decay", p.tension_decay, 0.0, 1.0),
        ("tension_floor", p.tension_floor, 0.0, 100.0),
        ("incident_base", p.incident_base, 0.0, 1.0),
        ("incident_per_tension", p.incident_per_tension, 0.0, 0.1),
        ("incident_per_activity", p.incident_per_activity, 0.0, 1.0),
        ("incident_cap", p.incident_cap, 0.0, 1.0),
        ("clash_at_full_tension", p.clash_at_full_tension, 0.0, 1.0),
        ("readiness_recovery", p.readiness_recovery, 0.0, 100.0),
        ("objective_margin", p.objective_margin, 0.001, 100.0),
        (
            "rung_quiet_turns",
            f64::from(p.rung_quiet_turns),
            1.0,
            100.0,
        ),
    ];
    for (name, value, lo, hi) in checks {
        b.num(F, name, value, lo, hi);
    }
    p
}

fn build_effects(
    b: &mut Builder,
    file: &str,
    path: &str,
    raws: &[RawEffect],
    scope: Scope,
) -> Vec<Effect> {
    raws.iter()
        .enumerate()
        .filter_map(|(j, e)| build_effect(b, file, &format!("{path}[{j}]"), e, scope))
        .collect()
}

fn build_effect(
    b: &mut Builder,
    file: &str,
    p: &str,
    raw: &RawEffect,
    scope: Scope,
) -> Option<Effect> {
    const BIG: f64 = 100.0;
    Some(match raw {
        RawEffect::Adjust(who, indicator, amount) => {
            let who = b.who(file, &format!("{p}.0"), who, scope);
            let amount = b.num(file, &format!("{p}.2"), *amount, -BIG, BIG);
            Effect::Adjust(who?, *indicator, amount)
        }
        RawEffect::Tension(amount) => {
            Effect::Tension(b.num(file, &format!("{p}.0"), *amount, -BIG, BIG))
        }
        RawEffect::Relation(x, y, amount) => {
            let x = b.who(file, &format!("{p}.0"), x, scope);
            let y = b.who(file, &format!("{p}.1"), y, scope);
            let amount = b.num(file, &format!("{p}.2"), *amount, -200.0, 200.0);
            if x.is_some() && x == y {
                b.error(
                    file,
                    format!("{p}.1"),
                    "a relation needs two different actors",
                );
            }
            Effect::Relation(x?, y?, amount)
        }
        RawEffect::Impose {
            sector,
            measure,
            size,
            severity,
        } => {
            need_sides(b, file, p, scope);
            let sector = b.sector(file, &format!("{p}.sector"), sector);
            Effect::Impose {
                sector: sector?,
                measure: *measure,
                size: b.num(file, &format!("{p}.size"), *size, 0.0, 1.0),
                severity: b.num(file, &format!("{p}.severity"), *severity, 0.0, BIG),
            }
        }
        RawEffect::Threaten {
            sector,
            measure,
            size,
            severity,
            deadline,
        } => {
            need_sides(b, file, p, scope);
            let sector = b.sector(file, &format!("{p}.sector"), sector);
            if !(1..=12).contains(deadline) {
                b.error_help(
                    file,
                    format!("{p}.deadline"),
                    format!("{deadline} is out of range"),
                    "give the target 1 to 12 turns",
                );
            }
            Effect::Threaten {
                sector: sector?,
                measure: *measure,
                size: b.num(file, &format!("{p}.size"), *size, 0.0, 1.0),
                severity: b.num(file, &format!("{p}.severity"), *severity, 0.0, BIG),
                deadline: (*deadline).clamp(1, 12),
            }
        }
        RawEffect::Lift { sector, measure } => {
            need_sides(b, file, p, scope);
            Effect::Lift {
                sector: b.sector(file, &format!("{p}.sector"), sector)?,
                measure: *measure,
            }
        }
        RawEffect::Track(track, op) => {
            let track = match track {
                Some(k) => Some(b.track(file, &format!("{p}.0"), k)?),
                None if scope.target == TargetKind::Track => None,
                None => {
                    b.error_help(
                        file,
                        format!("{p}.0"),
                        "no track named",
                        "name a track, or give the action `target: Track([...])`",
                    );
                    return None;
                }
            };
            if let TrackOp::Progress(amount) = op {
                b.num(file, &format!("{p}.1.0"), *amount, -BIG, BIG);
            } else {
                need_sides(b, file, p, scope);
            }
            Effect::Track(track, *op)
        }
        RawEffect::BackChannel(amount) => {
            need_sides(b, file, p, scope);
            Effect::BackChannel(b.num(file, &format!("{p}.0"), *amount, -BIG, BIG))
        }
        RawEffect::Move(force, path) => {
            let force = b.force(file, &format!("{p}.0"), force);
            if path.is_empty() {
                b.error(file, format!("{p}.1"), "a move needs at least one region");
            }
            let regions: Vec<RegionId> = path
                .iter()
                .enumerate()
                .filter_map(|(j, r)| b.region(file, &format!("{p}.1[{j}]"), r))
                .collect();
            Effect::Move(force?, regions)
        }
        RawEffect::Recall(force) => Effect::Recall(b.force(file, &format!("{p}.0"), force)?),
        RawEffect::Activity(region, amount) => {
            let region = match region {
                Some(k) => Some(b.region(file, &format!("{p}.0"), k)?),
                None if scope.target == TargetKind::Region => None,
                None => {
                    b.error_help(
                        file,
                        format!("{p}.0"),
                        "no region named",
                        "name a region, or give the action `target: Region([...])`",
                    );
                    return None;
                }
            };
            Effect::Activity(region, b.num(file, &format!("{p}.1"), *amount, 0.0, BIG))
        }
        RawEffect::Scramble(who, count) => {
            let who = b.who(file, &format!("{p}.0"), who, scope);
            if *count > 1000 {
                b.error(
                    file,
                    format!("{p}.1"),
                    format!("{count} scrambles in a turn is out of range (at most 1000)"),
                );
            }
            Effect::Scramble(who?, (*count).min(1000))
        }
        RawEffect::CoalitionPackage(level) => {
            Effect::CoalitionPackage(b.num(file, &format!("{p}.0"), *level, 0.0, BIG))
        }
        RawEffect::Election(who) => Effect::Election(b.who(file, &format!("{p}.0"), who, scope)?),
        RawEffect::Clash => Effect::Clash,
    })
}

/// Sanctions, track operations and the like are between the acting side and the other side.
fn need_sides(b: &mut Builder, file: &str, path: &str, scope: Scope) {
    if !scope.other {
        b.error_help(
            file,
            path,
            "this effect needs an acting side",
            "use it in actions, track halts, or events whose `actor` is a playable side",
        );
    }
}

fn build_condition(
    b: &mut Builder,
    file: &str,
    p: &str,
    raw: &RawCondition,
    scope: Scope,
) -> Option<Condition> {
    Some(match raw {
        RawCondition::Always => Condition::Always,
        RawCondition::Never => Condition::Never,
        RawCondition::All(items) | RawCondition::Any(items) => {
            let built: Vec<Option<Condition>> = items
                .iter()
                .enumerate()
                .map(|(j, c)| build_condition(b, file, &format!("{p}.0[{j}]"), c, scope))
                .collect();
            let built: Option<Vec<Condition>> = built.into_iter().collect();
            match raw {
                RawCondition::All(_) => Condition::All(built?),
                _ => Condition::Any(built?),
            }
        }
        RawCondition::Not(inner) => Condition::Not(Box::new(build_condition(
            b,
            file,
            &format!("{p}.0"),
            inner,
            scope,
        )?)),
        RawCondition::AtLeast(q, v) | RawCondition::AtMost(q, v) => {
            let q = build_quantity(b, file, &format!("{p}.0"), q, scope);
            let v = b.num(file, &format!("{p}.1"), *v, -1.0e7, 1.0e7);
            match raw {
                RawCondition::AtLeast(..) => Condition::AtLeast(q?, v),
                _ => Condition::AtMost(q?, v),
            }
        }
        RawCondition::TrackIs(t, status) => {
            Condition::TrackIs(b.track(file, &format!("{p}.0"), t)?, *status)
        }
        RawCondition::SanctionInForce(s, t, sector, kind) => {
            let s = b.who(file, &format!("{p}.0"), s, scope);
            let t = b.who(file, &format!("{p}.1"), t, scope);
            let sector = b.sector(file, &format!("{p}.2"), sector);
            Condition::SanctionInForce(s?, t?, sector?, *kind)
        }
        RawCondition::Happened(e) => Condition::Happened(EventId(b.lookup(
            Kind::Event,
            file,
            &format!("{p}.0"),
            e,
        )?)),
        RawCondition::Took(who, action) => {
            let who = b.who(file, &format!("{p}.0"), who, scope);
            let action = b.lookup(Kind::Action, file, &format!("{p}.1"), action);
            Condition::Took(who?, ActionId(action?))
        }
        RawCondition::Clashed => Condition::Clashed,
    })
}

fn build_quantity(
    b: &mut Builder,
    file: &str,
    p: &str,
    raw: &RawQuantity,
    scope: Scope,
) -> Option<Quantity> {
    Some(match raw {
        RawQuantity::Indicator(who, indicator) => {
            Quantity::Indicator(b.who(file, &format!("{p}.0"), who, scope)?, *indicator)
        }
        RawQuantity::Relation(x, y) => {
            let x = b.who(file, &format!("{p}.0"), x, scope);
            let y = b.who(file, &format!("{p}.1"), y, scope);
            Quantity::Relation(x?, y?)
        }
        RawQuantity::Tension => Quantity::Tension,
        RawQuantity::Rung => Quantity::Rung,
        RawQuantity::MaxRung => Quantity::MaxRung,
        RawQuantity::Trade => Quantity::Trade,
        RawQuantity::Turn => Quantity::Turn,
        RawQuantity::Progress(t) => Quantity::Progress(b.track(file, &format!("{p}.0"), t)?),
        RawQuantity::SanctionLevel(s, t) => {
            let s = b.who(file, &format!("{p}.0"), s, scope);
            let t = b.who(file, &format!("{p}.1"), t, scope);
            Quantity::SanctionLevel(s?, t?)
        }
        RawQuantity::Belief(who) => Quantity::Belief(b.who(file, &format!("{p}.0"), who, scope)?),
    })
}
