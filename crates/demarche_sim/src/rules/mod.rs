//! The rules of the model, as plain functions over the state. No ECS here: the turn's systems
//! (in `turn`) build a [`Ctx`] from the resources and call these, and the unit tests call them on
//! a [`crate::state::SimState`] directly.

pub mod domestic;
pub mod economy;
pub mod effects;
pub mod eval;
pub mod events;
pub mod incidents;
pub mod injects;
pub mod military;
pub mod objectives;
pub mod orders;
pub mod params;
pub mod repetition;
pub mod sanctions;
pub mod setup;
pub mod talks;
pub mod third_parties;

use crate::ids::*;
use crate::report::{Cause, Metric, TurnLog};
use crate::rng::SimRng;
use crate::scenario::{Indicator, Scenario, Who};
use crate::state::*;

/// Mutable access to the whole state for one rule, with the turn's log.
pub struct Ctx<'a> {
    /// The scenario.
    pub scn: &'a Scenario,
    /// The seed.
    pub rng: SimRng,
    /// Calendar.
    pub clock: &'a mut Clock,
    /// Indicators.
    pub ind: &'a mut Indicators,
    /// Talks.
    pub dip: &'a mut Diplomacy,
    /// Sanctions.
    pub sanc: &'a mut SanctionRegime,
    /// Military.
    pub mil: &'a mut Military,
    /// Resolve and beliefs.
    pub intel: &'a mut Intel,
    /// Record.
    pub record: &'a mut Record,
    /// Status.
    pub status: &'a mut GameStatus,
    /// This turn's log.
    pub log: &'a mut TurnLog,
}

/// Read-only access to the whole state, for conditions and views.
#[derive(Clone, Copy)]
pub struct View<'a> {
    /// The scenario.
    pub scn: &'a Scenario,
    /// Calendar.
    pub clock: &'a Clock,
    /// Indicators.
    pub ind: &'a Indicators,
    /// Talks.
    pub dip: &'a Diplomacy,
    /// Sanctions.
    pub sanc: &'a SanctionRegime,
    /// Military.
    pub mil: &'a Military,
    /// Resolve and beliefs.
    pub intel: &'a Intel,
    /// Record.
    pub record: &'a Record,
    /// Status.
    pub status: &'a GameStatus,
}

impl SimState {
    /// A rule context over this state.
    pub fn ctx<'a>(&'a mut self, scn: &'a Scenario, rng: SimRng, log: &'a mut TurnLog) -> Ctx<'a> {
        Ctx {
            scn,
            rng,
            clock: &mut self.clock,
            ind: &mut self.indicators,
            dip: &mut self.diplomacy,
            sanc: &mut self.sanctions,
            mil: &mut self.military,
            intel: &mut self.intel,
            record: &mut self.record,
            status: &mut self.status,
            log,
        }
    }

    /// A read-only view of this state.
    pub fn view<'a>(&'a self, scn: &'a Scenario) -> View<'a> {
        View {
            scn,
            clock: &self.clock,
            ind: &self.indicators,
            dip: &self.diplomacy,
            sanc: &self.sanctions,
            mil: &self.military,
            intel: &self.intel,
            record: &self.record,
            status: &self.status,
        }
    }
}

impl<'a> Ctx<'a> {
    /// A read-only view of the state.
    pub fn view(&self) -> View<'_> {
        View {
            scn: self.scn,
            clock: self.clock,
            ind: self.ind,
            dip: self.dip,
            sanc: self.sanc,
            mil: self.mil,
            intel: self.intel,
            record: self.record,
            status: self.status,
        }
    }

    /// The cause of a named model rule (see [`Cause::rule`]), or an empty one in a quiet
    /// look-ahead turn, whose changes are not recorded.
    pub fn because(&self, rule: &str, text: &str) -> Cause {
        self.log.cause_with(|| Cause::rule(rule, text))
    }

    /// The turn being resolved.
    pub fn turn(&self) -> u32 {
        self.clock.turn
    }

    /// Changes an actor's indicator, within its range, and records why.
    pub fn adjust(
        &mut self,
        actor: ActorId,
        indicator: Indicator,
        delta: f64,
        cause: &Cause,
    ) -> f64 {
        let hi = if indicator == Indicator::Capital {
            self.scn
                .actor(actor)
                .side
                .as_ref()
                .map_or(100.0, |s| s.capital_cap)
        } else {
            100.0
        };
        let value = &mut self.ind.actors[actor.index()][indicator.index()];
        self.log.change(
            Metric::Actor(actor, indicator),
            value,
            delta,
            0.0,
            hi,
            cause,
        )
    }

    /// Changes the dyad's tension and records why.
    pub fn tension(&mut self, delta: f64, cause: &Cause) -> f64 {
        self.log.change(
            Metric::Tension,
            &mut self.ind.tension,
            delta,
            0.0,
            100.0,
            cause,
        )
    }

    /// Changes a relation (both directions) and records why.
    pub fn relation(&mut self, a: ActorId, b: ActorId, delta: f64, cause: &Cause) -> f64 {
        if a == b {
            return 0.0;
        }
        let mut value = self.ind.relation(a, b);
        let applied = self.log.change(
            Metric::Relation(a.min(b), a.max(b)),
            &mut value,
            delta,
            -100.0,
            100.0,
            cause,
        );
        self.ind.set_relation(a, b, value);
        applied
    }

    /// The other side of the dyad, when `actor` is a side.
    pub fn opponent(&self, actor: ActorId) -> Option<ActorId> {
        self.scn
            .side_of(actor)
            .map(|s| self.scn.actor_of(s.other()))
    }

    /// Resolves `self` / `other` for an acting actor.
    pub fn who(&self, who: Who, actor: Option<ActorId>) -> Option<ActorId> {
        resolve_who(self.scn, who, actor)
    }
}

/// Resolves `self` / `other` for an acting actor.
pub fn resolve_who(scn: &Scenario, who: Who, actor: Option<ActorId>) -> Option<ActorId> {
    match who {
        Who::Actor(a) => Some(a),
        Who::Me => actor,
        Who::Opponent => actor
            .and_then(|a| scn.side_of(a))
            .map(|s| scn.actor_of(s.other())),
    }
}
