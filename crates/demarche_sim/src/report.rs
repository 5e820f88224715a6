//! Turn reports: the only output of a turn. What happened (events, headlines), what changed and
//! why (every indicator change with its causes and amounts), and what moved on the map.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::hash::StateHash;
use crate::ids::*;
use crate::scenario::raw::RawOrder;
use crate::scenario::{Category, EventKind, Indicator, Scenario, Visibility};

/// A number the model tracks and explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Metric {
    /// An actor's indicator.
    Actor(ActorId, Indicator),
    /// The relation between two actors (smaller id first).
    Relation(ActorId, ActorId),
    /// The dyad's tension.
    Tension,
    /// Trade between the two sides.
    Trade,
    /// A track's progress.
    Progress(TrackId),
    /// Back-channel trust.
    BackChannel,
    /// A side's belief about the other side's resolve (×100).
    Belief(Side),
}

impl Metric {
    /// A machine key such as `ALD.approval`, `ALD~LEAGUE`, `tension`.
    pub fn key(self, scn: &Scenario) -> String {
        match self {
            Metric::Actor(a, i) => format!("{}.{}", scn.actor(a).key, i.key()),
            Metric::Relation(a, b) => format!("{}~{}", scn.actor(a).key, scn.actor(b).key),
            Metric::Tension => "tension".into(),
            Metric::Trade => "trade".into(),
            Metric::Progress(t) => format!("track.{}", scn.track(t).key),
            Metric::BackChannel => "back_channel".into(),
            Metric::Belief(s) => format!("{}.belief", scn.actor(scn.actor_of(s)).key),
        }
    }

    /// A label for people such as "Aldova: approval".
    pub fn label(self, scn: &Scenario) -> String {
        match self {
            Metric::Actor(a, i) => format!("{}: {}", scn.actor(a).name, i.label()),
            Metric::Relation(a, b) => {
                format!("relation {}–{}", scn.actor(a).name, scn.actor(b).name)
            }
            Metric::Tension => "tension".into(),
            Metric::Trade => format!("bilateral trade ({})", scn.meta.currency.per_year()),
            Metric::Progress(t) => format!("{}: progress", scn.track(t).name),
            Metric::BackChannel => "back-channel trust".into(),
            Metric::Belief(s) => format!(
                "{}: belief in the other side's resolve",
                scn.actor(scn.actor_of(s)).name
            ),
        }
    }

    /// Whether the other side may see this number (private resolve, capital and beliefs stay
    /// with their owner).
    pub fn visible_to(self, scn: &Scenario, viewer: Side) -> bool {
        let mine = scn.actor_of(viewer);
        match self {
            Metric::Actor(a, Indicator::Capital | Indicator::AudienceCost) => a == mine,
            Metric::Belief(s) => s == viewer,
            _ => true,
        }
    }
}

/// Why a number changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    /// Where the cause comes from: `order:ACTION`, `event:EVENT`, `measure:SECTOR`, `rule:NAME`.
    pub source: String,
    /// The cause in words, e.g. "coal import restriction: power prices".
    pub text: String,
}

impl Cause {
    /// A cause from a named model rule.
    pub fn rule(name: &str, text: impl Into<String>) -> Cause {
        Cause {
            source: format!("rule:{name}"),
            text: text.into(),
        }
    }
}

/// One change to one number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// What changed.
    pub metric: Metric,
    /// By how much (after clamping).
    pub amount: f64,
    /// Why.
    pub cause: Cause,
}

/// What kind of line a report event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportKind {
    /// A side's order was carried out.
    Order(Category),
    /// A side's order was refused.
    Refused,
    /// A scenario event.
    Event(EventKind),
    /// A consequence worked out by the model (a track halted, a threat lapsed, an election).
    Consequence,
    /// The escalation ladder moved.
    Ladder,
    /// The game ended.
    Ending,
    /// A teacher's inject.
    Inject,
}

impl ReportKind {
    /// A machine key such as `order.sanctions` or `event.incident`.
    pub fn key(self) -> String {
        match self {
            ReportKind::Order(c) => format!("order.{}", format!("{c:?}").to_lowercase()),
            ReportKind::Refused => "refused".into(),
            ReportKind::Event(k) => format!("event.{}", format!("{k:?}").to_lowercase()),
            ReportKind::Consequence => "consequence".into(),
            ReportKind::Ladder => "ladder".into(),
            ReportKind::Ending => "ending".into(),
            ReportKind::Inject => "inject".into(),
        }
    }
}

/// Where a line of the report comes from, so that students can tell the record from the model's
/// dice: a historical event, a model roll, a side's order, a teacher's inject, or the model's
/// rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Provenance {
    /// Worked out by the model's rules (a consequence, the ladder, an ending).
    #[default]
    Model,
    /// A dated event of the historical record, with its sources.
    Record {
        /// The event's sources.
        sources: Vec<SourceId>,
    },
    /// A roll of the model's dice: a random event, an incident, or a dated event that had a
    /// chance; with the probability it had this turn.
    Roll {
        /// Probability (0–1) of this line happening this turn.
        chance: f64,
    },
    /// A side's order.
    Order(Side),
    /// A teacher's inject.
    Inject,
}

impl Provenance {
    /// A machine key: `model`, `record`, `roll`, `order`, `inject`.
    pub fn key(&self) -> &'static str {
        match self {
            Provenance::Model => "model",
            Provenance::Record { .. } => "record",
            Provenance::Roll { .. } => "roll",
            Provenance::Order(_) => "order",
            Provenance::Inject => "inject",
        }
    }

    /// A label for people, e.g. "historical event" or "model roll (p = 12 %)".
    pub fn label(&self) -> String {
        match self {
            Provenance::Model => "model".into(),
            Provenance::Record { .. } => "historical event".into(),
            Provenance::Roll { chance } => {
                format!("model roll (p = {})", percent(*chance))
            }
            Provenance::Order(_) => "order".into(),
            Provenance::Inject => "teacher's inject".into(),
        }
    }
}

/// A probability as a short percentage: "12 %", "0.4 %", "100 %".
pub fn percent(p: f64) -> String {
    let pct = p * 100.0;
    if pct > 0.0 && pct < 1.0 {
        format!("{pct:.1} %")
    } else {
        format!("{pct:.0} %")
    }
}

/// A line of the turn report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportEvent {
    /// Stable id: `order:ACTION`, `event:EVENT`, `rule:NAME`.
    pub id: String,
    /// What happened, in a sentence.
    pub text: String,
    /// The actor it is about.
    pub actor: Option<ActorId>,
    /// Kind.
    pub kind: ReportKind,
    /// Public, or private between the two governments.
    pub visibility: Visibility,
    /// Glossary concepts it illustrates.
    pub concepts: Vec<ConceptId>,
    /// MID action code, for militarized actions.
    pub mid: Option<u8>,
    /// Regions it concerns, for the map.
    pub regions: Vec<RegionId>,
    /// Where it comes from (absent in reports saved before it existed: the model).
    #[serde(default)]
    pub provenance: Provenance,
}

/// A force moving on the map during the turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Movement {
    /// The force.
    pub force: ForceId,
    /// Where it started.
    pub from: RegionId,
    /// Regions it passed through, ending where it stops.
    pub path: Vec<RegionId>,
}

/// The work area of the turn being resolved; turned into a [`TurnReport`] at the end.
#[derive(Resource, Clone, Debug, Default)]
pub struct TurnLog {
    /// The turn being resolved.
    pub turn: u32,
    /// Lines of the report.
    pub events: Vec<ReportEvent>,
    /// Every change, in the order made.
    pub changes: Vec<Change>,
    /// Movements.
    pub movements: Vec<Movement>,
    /// Headlines.
    pub headlines: Vec<String>,
    /// Orders accepted this turn, per side, in submission order.
    pub accepted: [Vec<crate::scenario::Order>; 2],
    /// Orders refused, per side, with the reason.
    pub refused: [Vec<(crate::scenario::Order, String)>; 2],
    /// Military activity per region this turn.
    pub activity: Vec<f64>,
    /// Provocations suffered this turn, per side.
    pub provocations: [f64; 2],
    /// Economy points lost to sanctions this turn, per side.
    pub pain: [f64; 2],
    /// Costly signals sent this turn: (sender side, kind, cost).
    pub signals: Vec<(Side, crate::scenario::SignalKind, f64)>,
    /// Backing-down moves this turn, per side.
    pub backdowns: [u32; 2],
    /// Whether something reached or passed the current rung this turn.
    pub ladder_touched: bool,
    /// A look-ahead turn whose report nobody reads (reports and hashes off): changes are made
    /// but not recorded.
    pub quiet: bool,
}

impl TurnLog {
    /// A fresh log for a scenario.
    pub fn new(scn: &Scenario) -> TurnLog {
        TurnLog {
            activity: vec![0.0; scn.regions.len()],
            ..TurnLog::default()
        }
    }

    /// Empties the log for a new turn, keeping its allocations.
    pub fn reset(&mut self, turn: u32) {
        self.turn = turn;
        self.events.clear();
        self.changes.clear();
        self.movements.clear();
        self.headlines.clear();
        self.accepted = Default::default();
        self.refused = Default::default();
        self.activity.iter_mut().for_each(|a| *a = 0.0);
        self.provocations = [0.0; 2];
        self.pain = [0.0; 2];
        self.signals.clear();
        self.backdowns = [0; 2];
        self.ladder_touched = false;
    }

    /// Changes `value` by `delta` within `lo..=hi` and records the change actually made.
    pub fn change(
        &mut self,
        metric: Metric,
        value: &mut f64,
        delta: f64,
        lo: f64,
        hi: f64,
        cause: &Cause,
    ) -> f64 {
        if !delta.is_finite() {
            return 0.0;
        }
        let before = *value;
        let after = (before + delta).clamp(lo, hi);
        *value = after;
        let applied = after - before;
        if applied.abs() > 1e-9 && !self.quiet {
            self.changes.push(Change {
                metric,
                amount: applied,
                cause: cause.clone(),
            });
        }
        applied
    }

    /// Adds a line to the report.
    pub fn say(&mut self, event: ReportEvent) {
        self.events.push(event);
    }

    /// Adds the line `event` makes to the report, unless this is a look-ahead turn whose report
    /// nobody reads: there the line is not even written (formatting the report's text is most
    /// of the cost of a quiet turn).
    pub fn say_with(&mut self, event: impl FnOnce() -> ReportEvent) {
        if !self.quiet {
            self.events.push(event());
        }
    }

    /// Adds the headline `text` makes, unless the turn is quiet (see [`TurnLog::say_with`]).
    pub fn headline_with(&mut self, text: impl FnOnce() -> String) {
        if !self.quiet {
            self.headlines.push(text());
        }
    }

    /// Adds the model consequence line `text` makes, unless the turn is quiet (see
    /// [`TurnLog::say_with`]).
    pub fn consequence_with(
        &mut self,
        id: &str,
        text: impl FnOnce() -> String,
        actor: Option<ActorId>,
    ) {
        if !self.quiet {
            self.consequence(id, text(), actor);
        }
    }

    /// The cause `cause` makes, or an empty one in a quiet turn, whose changes are not recorded
    /// (see [`TurnLog::say_with`]).
    pub fn cause_with(&self, cause: impl FnOnce() -> Cause) -> Cause {
        if self.quiet {
            Cause::default()
        } else {
            cause()
        }
    }

    /// Adds a model consequence line.
    pub fn consequence(&mut self, id: &str, text: impl Into<String>, actor: Option<ActorId>) {
        self.events.push(ReportEvent {
            id: format!("rule:{id}"),
            text: text.into(),
            actor,
            kind: ReportKind::Consequence,
            visibility: Visibility::Public,
            concepts: Vec::new(),
            mid: None,
            regions: Vec::new(),
            provenance: Provenance::Model,
        });
    }
}

/// One number's change over a turn, with its causes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorChange {
    /// The number.
    pub metric: Metric,
    /// Value before the turn.
    pub before: f64,
    /// Value after.
    pub after: f64,
    /// Causes with their amounts, largest first.
    pub causes: Vec<(Cause, f64)>,
}

/// What a turn produced: the only output of the simulation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TurnReport {
    /// Turn number, 1-based.
    pub turn: u32,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// State hash after the turn.
    pub hash: StateHash,
    /// Lines of the report, in resolution order.
    pub events: Vec<ReportEvent>,
    /// Headlines.
    pub headlines: Vec<String>,
    /// Every number that changed, with its causes.
    pub changes: Vec<IndicatorChange>,
    /// Movements on the map.
    pub movements: Vec<Movement>,
    /// Orders carried out, per side.
    pub orders: [Vec<RawOrder>; 2],
    /// Orders refused, per side, with the reason.
    pub refused: [Vec<(RawOrder, String)>; 2],
    /// Escalation rung after the turn.
    pub rung: u8,
    /// Scores after the turn.
    pub scores: [f64; 2],
    /// The outcome, if the game ended this turn.
    pub ended: Option<OutcomeId>,
    /// The sides' memos: why they gave these orders (empty when they wrote none).
    #[serde(default, skip_serializing_if = "crate::memo::both_empty")]
    pub memos: [crate::memo::Memo; 2],
    /// Milestones of the record this game reached this turn, in the scenario's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneId>,
}

impl TurnReport {
    /// The change of one number this turn, if it changed.
    pub fn change_of(&self, metric: Metric) -> Option<&IndicatorChange> {
        self.changes.iter().find(|c| c.metric == metric)
    }

    /// The report as one side may see it: the other side's refused orders (its list and their
    /// report lines) and private numbers (capital, audience costs, belief) removed, and its
    /// memos too unless the game is over.
    pub fn visible_to(&self, scn: &Scenario, viewer: Side, game_over: bool) -> TurnReport {
        let other = viewer.other();
        let other_actor = scn.actor_of(other);
        let mut report = self.clone();
        report.changes.retain(|c| c.metric.visible_to(scn, viewer));
        report
            .events
            .retain(|e| !(e.kind == ReportKind::Refused && e.actor == Some(other_actor)));
        report.refused[other.index()].clear();
        if !game_over {
            report.memos[other.index()] = crate::memo::Memo::default();
        }
        report
    }
}

/// The current value of a metric.
pub fn metric_value(view: &crate::rules::View, metric: Metric) -> f64 {
    match metric {
        Metric::Actor(a, i) => view.ind.get(a, i),
        Metric::Relation(a, b) => view.ind.relation(a, b),
        Metric::Tension => view.ind.tension,
        Metric::Trade => view.ind.trade,
        Metric::Progress(t) => view.dip.tracks[t.index()].progress,
        Metric::BackChannel => view.dip.back_channel,
        Metric::Belief(s) => view.intel.belief_mean(s) * 100.0,
    }
}

/// A number's value at the start and after each turn of `history` (`[turn, value]`, turn 0 being
/// the start), rebuilt from its value now in `view` and every change the reports recorded.
pub fn series_of(
    view: &crate::rules::View,
    history: &[TurnReport],
    metric: Metric,
) -> Vec<[f64; 2]> {
    let now = metric_value(view, metric);
    let mut values = vec![now; history.len() + 1];
    let mut value = now;
    for (i, report) in history.iter().enumerate().rev() {
        values[i + 1] = value;
        if let Some(change) = report.change_of(metric) {
            value -= change.after - change.before;
        }
        values[i] = value;
    }
    values
        .iter()
        .enumerate()
        .map(|(i, v)| [i as f64, *v])
        .collect()
}

/// Builds the turn's report from its log and the state after the turn (its memos and milestones
/// are added by the caller).
pub fn build_report(view: &crate::rules::View, log: &TurnLog, hash: StateHash) -> TurnReport {
    let scn = view.scn;
    let mut metrics: Vec<Metric> = Vec::new();
    for change in &log.changes {
        if !metrics.contains(&change.metric) {
            metrics.push(change.metric);
        }
    }
    let changes = metrics
        .into_iter()
        .filter_map(|metric| {
            let mut causes: Vec<(Cause, f64)> = Vec::new();
            for change in log.changes.iter().filter(|c| c.metric == metric) {
                match causes.iter_mut().find(|(c, _)| *c == change.cause) {
                    Some((_, amount)) => *amount += change.amount,
                    None => causes.push((change.cause.clone(), change.amount)),
                }
            }
            causes.retain(|(_, amount)| amount.abs() > 1e-9);
            causes.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
            let after = metric_value(view, metric);
            let total: f64 = causes.iter().map(|(_, a)| a).sum();
            (!causes.is_empty()).then_some(IndicatorChange {
                metric,
                before: after - total,
                after,
                causes,
            })
        })
        .collect();
    let raw =
        |orders: &Vec<crate::scenario::Order>| orders.iter().map(|o| scn.raw_order(o)).collect();
    let refused = |list: &Vec<(crate::scenario::Order, String)>| {
        list.iter()
            .filter(|(o, _)| o.action.index() < scn.actions.len())
            .map(|(o, why)| (scn.raw_order(o), why.clone()))
            .collect()
    };
    let calendar = scn.meta.calendar;
    TurnReport {
        turn: log.turn,
        start: calendar.turn_start(log.turn),
        end: calendar.turn_end(log.turn),
        hash,
        events: log.events.clone(),
        headlines: log.headlines.clone(),
        changes,
        movements: log.movements.clone(),
        orders: [raw(&log.accepted[0]), raw(&log.accepted[1])],
        refused: [refused(&log.refused[0]), refused(&log.refused[1])],
        rung: view.mil.rung,
        scores: view.status.scores,
        ended: view.status.ended,
        memos: Default::default(),
        milestones: Vec::new(),
    }
}
