//! The checker: walks raw items into built ones, keeping the field path itself and collecting
//! every problem (in the style of ck3-tiger's `Validator`).
//!
//! [`Resolve`] turns a raw value into its built form, reporting what is wrong to the
//! [`Checker`]. `#[derive(Format)]` implements it for the format's structs and enums; this module
//! implements it for references (string id to typed id, with a did-you-mean), lists, options,
//! boxes, tuples and plain values.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::model::{Calendar, Who};
use super::problem::{Problem, Severity};
use super::suggest::{help_for_unknown, help_listing};
use crate::date::Date;
use crate::ids::*;

/// Resolves a raw value into `Out`, reporting problems at the checker's current path.
pub trait Resolve<Out> {
    /// The built value, or `None` when it cannot be built (the reason has been reported, or the
    /// reference points into a file that did not parse).
    fn resolve(&self, ck: &mut Checker) -> Option<Out>;
}

/// A field of a format type, by its RON name; generated as `FooField` by `#[derive(Format)]`.
pub trait FieldName: Copy {
    /// The path segment: the name as written in RON, or the tuple index.
    fn segment(self) -> &'static str;
}

/// A value with a range check: finite numbers within bounds, whole numbers within bounds.
pub trait Ranged<Bound> {
    /// Reports the value at the current path when it is outside `lo..=hi` (or not finite).
    fn check_range(&self, ck: &mut Checker, lo: Bound, hi: Bound);
}

impl Ranged<f64> for f64 {
    fn check_range(&self, ck: &mut Checker, lo: f64, hi: f64) {
        let value = *self;
        if !value.is_finite() {
            ck.error_help(
                format!("`{value}` is not a finite number"),
                format!("use a number from {lo} to {hi}"),
            );
        } else if value < lo || value > hi {
            ck.error_help(
                format!("{value} is out of range"),
                format!("use a number from {lo} to {hi}"),
            );
        }
    }
}

macro_rules! whole_ranged {
    ($($t:ty),*) => {$(
        impl Ranged<$t> for $t {
            fn check_range(&self, ck: &mut Checker, lo: $t, hi: $t) {
                if !(lo..=hi).contains(self) {
                    ck.error_help(format!("{self} is out of range"), format!("use {lo} to {hi}"));
                }
            }
        }
    )*};
}

whole_ranged!(u8, u32, u64);

impl<B, T: Ranged<B>> Ranged<B> for Option<T> {
    fn check_range(&self, ck: &mut Checker, lo: B, hi: B) {
        if let Some(value) = self {
            value.check_range(ck, lo, hi);
        }
    }
}

/// The kinds of id that have a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `actors.ron`.
    Actor,
    /// `regions.ron`.
    Region,
    /// `tracks.ron`.
    Track,
    /// `actions.ron`.
    Action,
    /// `events.ron`.
    Event,
    /// `sectors.ron`.
    Sector,
    /// `forces.ron`.
    Force,
    /// `glossary.ron`.
    Concept,
    /// `sources.ron`.
    Source,
    /// `personalities.ron`.
    Personality,
}

impl Kind {
    /// Every kind, in table order.
    pub const ALL: [Kind; 10] = [
        Kind::Actor,
        Kind::Region,
        Kind::Track,
        Kind::Action,
        Kind::Event,
        Kind::Sector,
        Kind::Force,
        Kind::Concept,
        Kind::Source,
        Kind::Personality,
    ];

    /// The word used in messages.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Region => "region",
            Kind::Track => "track",
            Kind::Action => "action",
            Kind::Event => "event",
            Kind::Sector => "sector",
            Kind::Force => "force",
            Kind::Concept => "concept",
            Kind::Source => "source",
            Kind::Personality => "personality",
        }
    }

    /// The file that defines ids of this kind.
    pub fn file(self) -> &'static str {
        match self {
            Kind::Actor => "actors.ron",
            Kind::Region => "regions.ron",
            Kind::Track => "tracks.ron",
            Kind::Action => "actions.ron",
            Kind::Event => "events.ron",
            Kind::Sector => "sectors.ron",
            Kind::Force => "forces.ron",
            Kind::Concept => "glossary.ron",
            Kind::Source => "sources.ron",
            Kind::Personality => "personalities.ron",
        }
    }
}

/// The ids of one kind, in file order.
#[derive(Debug, Default)]
pub struct Table {
    /// The ids, by index.
    pub keys: Vec<String>,
    map: BTreeMap<String, u16>,
    /// Whether the defining file parsed completely (otherwise unknown ids are not reported).
    pub complete: bool,
}

impl Table {
    /// The index of an id.
    pub fn get(&self, key: &str) -> Option<u16> {
        self.map.get(key).copied()
    }

    /// Id to typed id, for [`super::Names`].
    pub fn ids<T>(&self, make: impl Fn(u16) -> T) -> BTreeMap<String, T> {
        self.map
            .iter()
            .map(|(k, &v)| (k.clone(), make(v)))
            .collect()
    }
}

/// What an order may name besides its action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// Nothing.
    None,
    /// A track.
    Track,
    /// A region.
    Region,
}

/// What `self` and `other` mean where an effect or condition is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    /// `self` is allowed.
    pub me: bool,
    /// `other` is allowed (and effects between the two sides).
    pub other: bool,
    /// What the order names (for `Track(None, …)` and `Activity(None, …)`).
    pub target: TargetKind,
}

impl Scope {
    /// Neither `self` nor `other`: outcomes, track conditions, rungs.
    pub const NONE: Scope = Scope {
        me: false,
        other: false,
        target: TargetKind::None,
    };

    /// Both `self` and `other`, no order target: objectives, track halts.
    pub const SIDES: Scope = Scope {
        me: true,
        other: true,
        target: TargetKind::None,
    };
}

/// What checks need from other files: the calendar, the sides, the ladder's top.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The calendar, once `scenario.ron` is read.
    pub calendar: Option<Calendar>,
    /// The two sides, once `scenario.ron` is read.
    pub sides: Option<[ActorId; 2]>,
    /// The top rung of the ladder.
    pub top_rung: u8,
}

/// Collects problems while resolving, keeping the file and field path of the value at hand.
#[derive(Debug)]
pub struct Checker {
    problems: Vec<Problem>,
    file: &'static str,
    path: String,
    scope: Scope,
    tables: [Table; Kind::ALL.len()],
    unchecked: BTreeSet<Kind>,
    /// Did-you-mean searches made so far (each one scans a whole table).
    suggested: usize,
    /// Facts from other files that checks need.
    pub context: Context,
}

/// Most did-you-mean searches in one load: past them, an unknown id's help lists the table's
/// first ids without searching it, so a file full of unknown ids validates in linear time.
pub const MAX_SUGGESTIONS: usize = 32;

impl Checker {
    /// A checker with empty tables; `complete(kind)` says whether each kind's file parsed.
    pub fn new(complete: impl Fn(Kind) -> bool) -> Checker {
        Checker {
            problems: Vec::new(),
            file: "",
            path: String::new(),
            scope: Scope::NONE,
            tables: Kind::ALL.map(|kind| Table {
                complete: complete(kind),
                ..Table::default()
            }),
            unchecked: BTreeSet::new(),
            suggested: 0,
            context: Context::default(),
        }
    }

    /// The problems found, with a note per kind whose references went unchecked.
    pub fn finish(mut self) -> Vec<Problem> {
        for kind in std::mem::take(&mut self.unchecked) {
            self.file = kind.file();
            self.path.clear();
            self.push(
                Severity::Warning,
                format!(
                    "references to {}s are not checked because {} did not parse",
                    kind.word(),
                    kind.file()
                ),
                None,
            );
        }
        self.problems
    }

    /// Whether any error was found so far.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// Runs `f` on a file, at its top.
    pub fn in_file<R>(&mut self, file: &'static str, f: impl FnOnce(&mut Checker) -> R) -> R {
        self.file = file;
        self.path.clear();
        self.scope = Scope::NONE;
        f(self)
    }

    /// Runs `f` one field deeper, at `segment` (a RON field name or a tuple index).
    pub fn field<R>(&mut self, segment: &str, f: impl FnOnce(&mut Checker) -> R) -> R {
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(segment);
        let out = f(self);
        self.path.truncate(len);
        out
    }

    /// Runs `f` at a field named by its generated `FooField` enum.
    pub fn at<R>(&mut self, field: impl FieldName, f: impl FnOnce(&mut Checker) -> R) -> R {
        self.field(field.segment(), f)
    }

    /// Runs `f` at element `i` of a list.
    pub fn index<R>(&mut self, i: usize, f: impl FnOnce(&mut Checker) -> R) -> R {
        let len = self.path.len();
        self.path.push_str(&format!("[{i}]"));
        let out = f(self);
        self.path.truncate(len);
        out
    }

    /// Runs `f` at element `i` of a tuple.
    pub fn element<R>(&mut self, i: usize, f: impl FnOnce(&mut Checker) -> R) -> R {
        self.field(&i.to_string(), f)
    }

    /// Sets what `self` and `other` mean; returns the previous scope for [`Self::restore_scope`].
    pub fn enter_scope(&mut self, scope: Scope) -> Scope {
        std::mem::replace(&mut self.scope, scope)
    }

    /// Restores a scope saved by [`Self::enter_scope`].
    pub fn restore_scope(&mut self, saved: Scope) {
        self.scope = saved;
    }

    /// What `self` and `other` mean here.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    fn push(&mut self, severity: Severity, message: String, help: Option<String>) {
        self.problems.push(Problem {
            severity,
            file: PathBuf::from(self.file),
            path: self.path.clone(),
            location: None,
            message,
            help,
            source_line: None,
        });
    }

    /// An error at the current path.
    pub fn error(&mut self, message: impl Into<String>) {
        self.push(Severity::Error, message.into(), None);
    }

    /// An error at the current path, with a hint.
    pub fn error_help(&mut self, message: impl Into<String>, help: impl Into<String>) {
        self.push(Severity::Error, message.into(), Some(help.into()));
    }

    /// A warning at the current path.
    pub fn warn(&mut self, message: impl Into<String>) {
        self.push(Severity::Warning, message.into(), None);
    }

    /// Text that must not be blank.
    pub fn nonempty(&mut self, text: &str) {
        if text.trim().is_empty() {
            self.error("must not be empty");
        }
    }

    /// Checks the form of an id: letters, digits, `_`, `-` and `.`.
    pub fn id_form(&mut self, key: &str) -> bool {
        let ok = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !ok {
            self.error_help(
                format!("`{key}` is not a valid id"),
                "ids use letters, digits, `_`, `-` and `.`",
            );
        }
        ok
    }

    /// The ids of a kind.
    pub fn table(&self, kind: Kind) -> &Table {
        &self.tables[kind as usize]
    }

    /// Adds an id to its table, checking its form and that it is new.
    pub fn register(&mut self, kind: Kind, key: &str) {
        if !self.id_form(key) {
            return;
        }
        if kind == Kind::Actor && (key == "self" || key == "other") {
            self.error(format!("`{key}` is reserved (it means the acting side or the other side) and cannot be an actor id"));
            return;
        }
        let table = &self.tables[kind as usize];
        if table.map.contains_key(key) {
            self.error(format!("duplicate {} id `{key}`", kind.word()));
            return;
        }
        if table.keys.len() >= usize::from(u16::MAX) {
            self.error("too many entries");
            return;
        }
        let table = &mut self.tables[kind as usize];
        let index = table.keys.len() as u16;
        table.keys.push(key.to_owned());
        table.map.insert(key.to_owned(), index);
    }

    /// Looks an id up; reports it when unknown, unless its file did not parse completely (then
    /// the kind is noted once as unchecked).
    pub fn lookup(&mut self, kind: Kind, key: &str) -> Option<u16> {
        let table = &self.tables[kind as usize];
        if let Some(i) = table.get(key) {
            return Some(i);
        }
        if table.complete {
            let help = if self.suggested < MAX_SUGGESTIONS {
                let keys: Vec<&str> = table.keys.iter().map(String::as_str).collect();
                help_for_unknown(key, &keys)
            } else {
                help_listing(&table.keys)
            };
            self.suggested += 1;
            self.error_help(format!("unknown {} `{key}`", kind.word()), help);
        } else {
            self.unchecked.insert(kind);
        }
        None
    }

    /// The actor an id names, without reporting anything.
    pub fn peek_actor(&self, key: &str) -> Option<ActorId> {
        self.table(Kind::Actor).get(key).map(ActorId)
    }

    /// `self`, `other` or an actor id, as the current scope allows.
    pub fn who(&mut self, key: &str) -> Option<Who> {
        match key {
            "self" if self.scope.me => Some(Who::Me),
            "other" if self.scope.other => Some(Who::Opponent),
            "self" | "other" => {
                self.error_help(
                    format!("`{key}` has no meaning here"),
                    "name an actor id: `self` and `other` only work in actions, objectives, track halts and events with a playable `actor`",
                );
                None
            }
            _ => self
                .lookup(Kind::Actor, key)
                .map(|i| Who::Actor(ActorId(i))),
        }
    }
}

macro_rules! id_resolve {
    ($($id:ident => $kind:expr),* $(,)?) => {$(
        impl Resolve<$id> for String {
            fn resolve(&self, ck: &mut Checker) -> Option<$id> {
                ck.lookup($kind, self).map($id)
            }
        }
    )*};
}

id_resolve!(
    ActorId => Kind::Actor,
    RegionId => Kind::Region,
    TrackId => Kind::Track,
    ActionId => Kind::Action,
    EventId => Kind::Event,
    SectorId => Kind::Sector,
    ForceId => Kind::Force,
    ConceptId => Kind::Concept,
    SourceId => Kind::Source,
    PersonalityId => Kind::Personality,
);

impl Resolve<Who> for String {
    fn resolve(&self, ck: &mut Checker) -> Option<Who> {
        ck.who(self)
    }
}

impl Resolve<Date> for String {
    fn resolve(&self, ck: &mut Checker) -> Option<Date> {
        match self.parse::<Date>() {
            Ok(date) => Some(date),
            Err(e) => {
                ck.error(e.to_string());
                None
            }
        }
    }
}

impl Resolve<[u8; 3]> for String {
    fn resolve(&self, ck: &mut Checker) -> Option<[u8; 3]> {
        let parsed = parse_color(self);
        if parsed.is_none() {
            ck.error_help(
                format!("`{self}` is not a colour"),
                "write `#RRGGBB`, e.g. `#0072B2`",
            );
        }
        parsed
    }
}

fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

macro_rules! plain {
    ($($t:ty),* $(,)?) => {$(
        impl Resolve<$t> for $t {
            fn resolve(&self, _: &mut Checker) -> Option<$t> {
                Some(self.clone())
            }
        }
    )*};
}

plain!(f64, u8, u32, u64, bool, String, BTreeMap<String, String>);

/// Each element at its index; elements that fail are left out (their problem is reported).
impl<T: Resolve<U>, U> Resolve<Vec<U>> for Vec<T> {
    fn resolve(&self, ck: &mut Checker) -> Option<Vec<U>> {
        Some(
            self.iter()
                .enumerate()
                .filter_map(|(i, item)| ck.index(i, |ck| item.resolve(ck)))
                .collect(),
        )
    }
}

impl<T: Resolve<U>, U> Resolve<Option<U>> for Option<T> {
    fn resolve(&self, ck: &mut Checker) -> Option<Option<U>> {
        match self {
            None => Some(None),
            Some(value) => value.resolve(ck).map(Some),
        }
    }
}

impl<T: Resolve<U>, U> Resolve<Box<U>> for Box<T> {
    fn resolve(&self, ck: &mut Checker) -> Option<Box<U>> {
        (**self).resolve(ck).map(Box::new)
    }
}

impl<A: Resolve<X>, B: Resolve<Y>, X, Y> Resolve<(X, Y)> for (A, B) {
    fn resolve(&self, ck: &mut Checker) -> Option<(X, Y)> {
        let a = ck.element(0, |ck| self.0.resolve(ck));
        let b = ck.element(1, |ck| self.1.resolve(ck));
        Some((a?, b?))
    }
}
