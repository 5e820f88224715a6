//! What must hold of every state of a game: tables the size of the scenario's, every id in
//! range, every number finite and within its range, the clock within the calendar. The soak
//! command checks it after every turn; loading a save checks it before trusting the file.

use crate::ids::*;
use crate::report::{Metric, TurnReport};
use crate::scenario::{Indicator, Scenario};
use crate::state::SimState;

/// A broken invariant: the field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    /// Field path in the state, such as `indicators.tension`.
    pub field: String,
    /// What is wrong.
    pub why: String,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`: {}", self.field, self.why)
    }
}

/// Every broken invariant of `state` as a state of a game of `scn` (empty when it is sound).
pub fn check(scn: &Scenario, state: &SimState) -> Vec<Broken> {
    let mut c = Checker::default();
    if !c.sizes(scn, state) {
        return c.broken;
    }
    c.clock(scn, state);
    c.indicators(scn, state);
    c.diplomacy(scn, state);
    c.sanctions(scn, state);
    c.military(scn, state);
    c.intel(state);
    c.record(scn, state);
    c.status(scn, state);
    c.broken
}

/// Every broken invariant of a game's history as it stands with `state`: one report per resolved
/// turn, numbered from 1, and every id a report holds within the scenario's tables (the text
/// output, the debrief and the window index by them).
pub fn check_history(scn: &Scenario, state: &SimState, history: &[TurnReport]) -> Vec<Broken> {
    let mut c = Checker::default();
    let resolved = state.clock.turn.saturating_sub(1) as usize;
    if history.len() != resolved {
        c.fail(
            "history",
            format!(
                "{} turn reports, but the clock says {resolved} turns were resolved",
                history.len()
            ),
        );
    }
    for (i, report) in history.iter().enumerate() {
        c.report(scn, i, report);
    }
    c.broken
}

#[derive(Default)]
struct Checker {
    broken: Vec<Broken>,
}

impl Checker {
    fn fail(&mut self, field: impl Into<String>, why: impl Into<String>) {
        self.broken.push(Broken {
            field: field.into(),
            why: why.into(),
        });
    }

    fn number(&mut self, field: impl FnOnce() -> String, value: f64, lo: f64, hi: f64) {
        if !value.is_finite() {
            self.fail(field(), format!("{value} is not a finite number"));
        } else if value < lo - 1e-9 || value > hi + 1e-9 {
            self.fail(field(), format!("{value} is outside {lo}..={hi}"));
        }
    }

    fn id(&mut self, field: impl FnOnce() -> String, index: usize, len: usize, kind: &str) {
        if index >= len {
            self.fail(
                field(),
                format!("{kind} {index} does not exist (the scenario has {len})"),
            );
        }
    }

    /// Table sizes; nothing else is checked when they are wrong, since indexing would fail.
    fn sizes(&mut self, scn: &Scenario, s: &SimState) -> bool {
        let n = scn.actors.len();
        let tables = [
            ("indicators.actors", s.indicators.actors.len(), n),
            ("indicators.relations", s.indicators.relations.len(), n * n),
            (
                "diplomacy.tracks",
                s.diplomacy.tracks.len(),
                scn.tracks.len(),
            ),
            ("military.forces", s.military.forces.len(), scn.forces.len()),
            (
                "military.reached",
                s.military.reached.len(),
                scn.ladder.len(),
            ),
            ("military.scrambles", s.military.scrambles.len(), n),
            (
                "sanctions.flow_open",
                s.sanctions.flow_open.len(),
                scn.flows.len(),
            ),
            (
                "status.objectives",
                s.status.objectives.len(),
                scn.objectives.len(),
            ),
        ];
        let before = self.broken.len();
        for (field, found, expected) in tables {
            if found != expected {
                self.fail(
                    field,
                    format!("{found} entries; the scenario needs {expected}"),
                );
            }
        }
        self.broken.len() == before
    }

    fn clock(&mut self, scn: &Scenario, s: &SimState) {
        let turns = scn.meta.calendar.turns;
        if s.clock.turn == 0 || s.clock.turn > turns + 1 {
            self.fail(
                "clock.turn",
                format!(
                    "turn {} is outside the calendar (1 to {turns}, or {} once over)",
                    s.clock.turn,
                    turns + 1
                ),
            );
        }
    }

    fn indicators(&mut self, scn: &Scenario, s: &SimState) {
        for (a, values) in s.indicators.actors.iter().enumerate() {
            for indicator in Indicator::ALL {
                let hi = match indicator {
                    Indicator::Capital => {
                        scn.actors[a].side.as_ref().map_or(100.0, |x| x.capital_cap)
                    }
                    _ => 100.0,
                };
                let value = values[indicator.index()];
                self.number(
                    || format!("indicators.actors[{a}].{}", indicator.key()),
                    value,
                    0.0,
                    hi,
                );
            }
        }
        let n = scn.actors.len();
        for (i, &value) in s.indicators.relations.iter().enumerate() {
            self.number(
                || format!("indicators.relations[{i}]"),
                value,
                -100.0,
                100.0,
            );
            let (a, b) = (i / n, i % n);
            if value != s.indicators.relations[b * n + a] {
                self.fail(
                    format!("indicators.relations[{i}]"),
                    format!("the relation of {a} to {b} differs from that of {b} to {a}"),
                );
            }
        }
        self.number(
            || "indicators.tension".into(),
            s.indicators.tension,
            0.0,
            100.0,
        );
        self.number(
            || "indicators.trade".into(),
            s.indicators.trade,
            0.0,
            f64::MAX,
        );
    }

    fn diplomacy(&mut self, scn: &Scenario, s: &SimState) {
        let n = scn.actors.len();
        for (t, track) in s.diplomacy.tracks.iter().enumerate() {
            self.number(
                || format!("diplomacy.tracks[{t}].progress"),
                track.progress,
                0.0,
                100.0,
            );
            if let Some(by) = track.halted_by {
                self.id(
                    || format!("diplomacy.tracks[{t}].halted_by"),
                    by.index(),
                    n,
                    "actor",
                );
            }
        }
        for (i, p) in s.diplomacy.proposals.iter().enumerate() {
            self.id(
                || format!("diplomacy.proposals[{i}].track"),
                p.track.index(),
                scn.tracks.len(),
                "track",
            );
            self.id(
                || format!("diplomacy.proposals[{i}].from"),
                p.from.index(),
                n,
                "actor",
            );
        }
        self.number(
            || "diplomacy.back_channel".into(),
            s.diplomacy.back_channel,
            0.0,
            100.0,
        );
    }

    fn sanctions(&mut self, scn: &Scenario, s: &SimState) {
        let n = scn.actors.len();
        let sectors = scn.sectors.len();
        let actions = scn.actions.len();
        for (i, m) in s.sanctions.measures.iter().enumerate() {
            let at = |f: &str| format!("sanctions.measures[{i}].{f}");
            self.id(|| at("sender"), m.sender.index(), n, "actor");
            self.id(|| at("target"), m.target.index(), n, "actor");
            self.id(|| at("sector"), m.sector.index(), sectors, "sector");
            if let Some(a) = m.action {
                self.id(|| at("action"), a.index(), actions, "action");
            }
            self.number(|| at("size"), m.size, 0.0, 1.0);
            self.number(|| at("severity"), m.severity, 0.0, 100.0);
        }
        for (i, t) in s.sanctions.threats.iter().enumerate() {
            let at = |f: &str| format!("sanctions.threats[{i}].{f}");
            self.id(|| at("sender"), t.sender.index(), n, "actor");
            self.id(|| at("target"), t.target.index(), n, "actor");
            self.id(|| at("sector"), t.sector.index(), sectors, "sector");
            if let Some(a) = t.action {
                self.id(|| at("action"), a.index(), actions, "action");
            }
            self.number(|| at("size"), t.size, 0.0, 1.0);
            self.number(|| at("severity"), t.severity, 0.0, 100.0);
        }
        for (i, e) in s.sanctions.episodes.iter().enumerate() {
            let at = |f: &str| format!("sanctions.episodes[{i}].{f}");
            self.id(|| at("sender"), e.sender.index(), n, "actor");
            self.id(|| at("target"), e.target.index(), n, "actor");
            self.id(|| at("sector"), e.sector.index(), sectors, "sector");
        }
        self.number(
            || "sanctions.coalition_expectation".into(),
            s.sanctions.coalition_expectation,
            0.0,
            100.0,
        );
        for (i, &share) in s.sanctions.flow_open.iter().enumerate() {
            self.number(|| format!("sanctions.flow_open[{i}]"), share, 0.0, 1.0);
        }
    }

    fn military(&mut self, scn: &Scenario, s: &SimState) {
        for (i, f) in s.military.forces.iter().enumerate() {
            self.id(
                || format!("military.forces[{i}].at"),
                f.at.index(),
                scn.regions.len(),
                "region",
            );
        }
        let top = scn.top_rung();
        for (field, rung) in [
            ("military.rung", s.military.rung),
            ("military.max_rung", s.military.max_rung),
        ] {
            if rung > top {
                self.fail(
                    field,
                    format!("rung {rung} is above the ladder's top, {top}"),
                );
            }
        }
        if s.military.rung > s.military.max_rung {
            self.fail(
                "military.rung",
                format!(
                    "rung {} is above the highest rung reached, {}",
                    s.military.rung, s.military.max_rung
                ),
            );
        }
        let injected = &s.record.injected;
        if injected.windows(2).any(|w| w[0] >= w[1]) {
            self.fail("record.injected", "ids must be sorted, each once");
        }
        for (i, d) in s.record.decisions.iter().enumerate() {
            for a in &d.options {
                self.id(
                    || format!("record.decisions[{i}].options"),
                    a.index(),
                    scn.actions.len(),
                    "action",
                );
            }
        }
        let n = scn.actors.len();
        let pairs = &s.military.scrambles_against;
        for (i, p) in pairs.iter().enumerate() {
            let at = |f: &str| format!("military.scrambles_against[{i}].{f}");
            self.id(|| at("by"), p.by.index(), n, "actor");
            self.id(|| at("against"), p.against.index(), n, "actor");
        }
        if pairs
            .windows(2)
            .any(|w| (w[0].by, w[0].against) >= (w[1].by, w[1].against))
        {
            self.fail(
                "military.scrambles_against",
                "entries must be sorted by flyer, then target, each pair once",
            );
        }
    }

    fn intel(&mut self, s: &SimState) {
        for (i, &resolve) in s.intel.resolve.iter().enumerate() {
            self.number(|| format!("intel.resolve[{i}]"), resolve, 0.0, 1.0);
        }
        for (i, &(alpha, beta)) in s.intel.beliefs.iter().enumerate() {
            for (name, value) in [("0", alpha), ("1", beta)] {
                self.number(
                    || format!("intel.beliefs[{i}].{name}"),
                    value,
                    f64::MIN_POSITIVE,
                    1.0e9,
                );
            }
        }
    }

    fn record(&mut self, scn: &Scenario, s: &SimState) {
        let n = scn.actors.len();
        for (actor, action) in s.record.taken.keys() {
            self.id(|| "record.taken".into(), actor.index(), n, "actor");
            self.id(
                || "record.taken".into(),
                action.index(),
                scn.actions.len(),
                "action",
            );
        }
        for (i, w) in s.record.wear.iter().enumerate() {
            let field = || format!("record.wear[{i}]");
            self.id(field, w.actor.index(), n, "actor");
            self.id(field, w.action.index(), scn.actions.len(), "action");
            self.number(field, w.wear, 0.0, 1.0e6);
        }
        let sorted = s
            .record
            .wear
            .windows(2)
            .all(|p| (p[0].actor, p[0].action) < (p[1].actor, p[1].action));
        if !sorted {
            self.fail(
                "record.wear",
                "entries are not sorted by actor and action, or repeat",
            );
        }
        for event in s.record.happened.keys() {
            self.id(
                || "record.happened".into(),
                event.index(),
                scn.events.len(),
                "event",
            );
        }
        for actor in s.record.on_record.keys() {
            self.id(|| "record.on_record".into(), actor.index(), n, "actor");
        }
    }

    fn provenance(
        &mut self,
        field: impl Fn() -> String,
        scn: &Scenario,
        p: &crate::report::Provenance,
    ) {
        match p {
            crate::report::Provenance::Record { sources } => {
                for s in sources {
                    self.id(&field, s.index(), scn.sources.len(), "source");
                }
            }
            crate::report::Provenance::Roll { chance } => self.number(&field, *chance, 0.0, 1.0),
            _ => {}
        }
    }

    fn report(&mut self, scn: &Scenario, i: usize, r: &TurnReport) {
        let at = |f: &str| format!("history[{i}].{f}");
        if r.turn as usize != i + 1 {
            self.fail(
                at("turn"),
                format!("turn {} where turn {} was expected", r.turn, i + 1),
            );
        }
        let n = scn.actors.len();
        for (j, e) in r.events.iter().enumerate() {
            if let Some(a) = e.actor {
                self.id(|| at(&format!("events[{j}].actor")), a.index(), n, "actor");
            }
            for c in &e.concepts {
                self.id(
                    || at(&format!("events[{j}].concepts")),
                    c.index(),
                    scn.concepts.len(),
                    "concept",
                );
            }
            for region in &e.regions {
                self.id(
                    || at(&format!("events[{j}].regions")),
                    region.index(),
                    scn.regions.len(),
                    "region",
                );
            }
            if let Some(mid) = e.mid
                && mid > 21
            {
                self.fail(
                    at(&format!("events[{j}].mid")),
                    format!("{mid} is not a MID action code"),
                );
            }
            self.provenance(
                || at(&format!("events[{j}].provenance")),
                scn,
                &e.provenance,
            );
        }
        for m in &r.milestones {
            self.id(
                || at("milestones"),
                m.index(),
                scn.milestones.len(),
                "milestone",
            );
        }
        for (j, change) in r.changes.iter().enumerate() {
            let field = || at(&format!("changes[{j}].metric"));
            match change.metric {
                Metric::Actor(a, _) => self.id(field, a.index(), n, "actor"),
                Metric::Relation(a, b) => {
                    self.id(field, a.index(), n, "actor");
                    self.id(field, b.index(), n, "actor");
                }
                Metric::Progress(t) => self.id(field, t.index(), scn.tracks.len(), "track"),
                Metric::Tension | Metric::Trade | Metric::BackChannel | Metric::Belief(_) => {}
            }
            for (name, value) in [("before", change.before), ("after", change.after)] {
                if !value.is_finite() {
                    self.fail(
                        at(&format!("changes[{j}].{name}")),
                        format!("{value} is not a finite number"),
                    );
                }
            }
        }
        for (j, m) in r.movements.iter().enumerate() {
            self.id(
                || at(&format!("movements[{j}].force")),
                m.force.index(),
                scn.forces.len(),
                "force",
            );
            for region in std::iter::once(&m.from).chain(&m.path) {
                self.id(
                    || at(&format!("movements[{j}].path")),
                    region.index(),
                    scn.regions.len(),
                    "region",
                );
            }
        }
        if r.rung > scn.top_rung() {
            self.fail(
                at("rung"),
                format!(
                    "rung {} is above the ladder's top, {}",
                    r.rung,
                    scn.top_rung()
                ),
            );
        }
        for side in Side::BOTH {
            self.number(
                || at(&format!("scores[{}]", side.index())),
                r.scores[side.index()],
                0.0,
                100.0,
            );
        }
        if let Some(o) = r.ended {
            self.id(|| at("ended"), o.index(), scn.outcomes.len(), "outcome");
        }
    }

    fn status(&mut self, scn: &Scenario, s: &SimState) {
        for side in Side::BOTH {
            self.number(
                || format!("status.scores[{}]", side.index()),
                s.status.scores[side.index()],
                0.0,
                100.0,
            );
        }
        for (i, &degree) in s.status.objectives.iter().enumerate() {
            self.number(|| format!("status.objectives[{i}]"), degree, 0.0, 1.0);
        }
        if let Some(o) = s.status.ended {
            self.id(
                || "status.ended".into(),
                o.index(),
                scn.outcomes.len(),
                "outcome",
            );
        }
        let weights = &s.status.weights;
        if !weights.is_empty() && weights.len() != scn.objectives.len() {
            self.fail(
                "status.weights",
                format!(
                    "{} weights; the scenario has {} objectives",
                    weights.len(),
                    scn.objectives.len()
                ),
            );
        }
        for (i, &w) in weights.iter().enumerate() {
            self.number(|| format!("status.weights[{i}]"), w, 0.0, 100.0);
        }
        for side in Side::BOTH {
            if let Some(key) = &s.status.agendas[side.index()]
                && !scn
                    .agendas
                    .iter()
                    .any(|a| &a.key == key && a.side == scn.actor_of(side))
            {
                self.fail(
                    format!("status.agendas[{}]", side.index()),
                    format!("`{key}` is not an agenda of this side"),
                );
            }
        }
    }
}
