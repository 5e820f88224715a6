//! The turn's systems: each phase is thin glue that builds a rule context from the resources and
//! calls the rules.

use bevy_ecs::prelude::*;
use bevy_ecs::system::SystemParam;

use super::plugin::{History, ScenarioRes, TurnOrders, TurnSettings};
use crate::report::{TurnLog, build_report};
use crate::rng::SimRng;
use crate::rules::{self, Ctx};
use crate::scenario::Category;
use crate::state::*;

/// Mutable access to the whole state and the turn's log.
#[derive(SystemParam)]
pub struct SimMut<'w> {
    scn: Res<'w, ScenarioRes>,
    rng: Res<'w, SimRng>,
    clock: ResMut<'w, Clock>,
    ind: ResMut<'w, Indicators>,
    dip: ResMut<'w, Diplomacy>,
    sanc: ResMut<'w, SanctionRegime>,
    mil: ResMut<'w, Military>,
    intel: ResMut<'w, Intel>,
    record: ResMut<'w, Record>,
    status: ResMut<'w, GameStatus>,
    log: ResMut<'w, TurnLog>,
}

impl SimMut<'_> {
    /// A rule context over the resources.
    pub fn ctx(&mut self) -> Ctx<'_> {
        Ctx {
            scn: &self.scn.0,
            rng: *self.rng,
            clock: &mut self.clock,
            ind: &mut self.ind,
            dip: &mut self.dip,
            sanc: &mut self.sanc,
            mil: &mut self.mil,
            intel: &mut self.intel,
            record: &mut self.record,
            status: &mut self.status,
            log: &mut self.log,
        }
    }
}

/// Begin: a fresh log for the turn.
pub fn begin(clock: Res<Clock>, mut log: ResMut<TurnLog>) {
    log.reset(clock.turn);
}

/// Validate orders: both sides' orders checked against the state at the start of the turn.
pub fn validate_orders(mut sim: SimMut, orders: Res<TurnOrders>) {
    rules::orders::validate(&mut sim.ctx(), &orders.submitted);
}

/// Diplomacy: diplomatic orders.
pub fn diplomacy(mut sim: SimMut) {
    rules::orders::run_category(&mut sim.ctx(), Category::Diplomatic);
}

/// Sanctions: sanction orders, threats at their deadline, the costs of measures in force.
pub fn sanctions(mut sim: SimMut) {
    let mut ctx = sim.ctx();
    rules::orders::run_category(&mut ctx, Category::Sanctions);
    rules::sanctions::resolve_threats(&mut ctx);
    rules::economy::sanction_costs(&mut ctx);
}

/// Talks: talks orders, then proposals lapse, prerequisites, per-turn track effects.
pub fn talks(mut sim: SimMut) {
    let mut ctx = sim.ctx();
    rules::orders::run_category(&mut ctx, Category::Talks);
    rules::talks::upkeep(&mut ctx);
}

/// Military: signalling orders, then beliefs updated from the turn's costly signals.
pub fn military(mut sim: SimMut) {
    let mut ctx = sim.ctx();
    rules::orders::run_category(&mut ctx, Category::Military);
    rules::military::update_beliefs(&mut ctx);
}

/// Incidents and random events.
pub fn incidents(mut sim: SimMut) {
    let mut ctx = sim.ctx();
    rules::incidents::incidents(&mut ctx);
    rules::incidents::random_events(&mut ctx);
}

/// Third parties: dated events, coalition pressure, allied assurance.
pub fn third_parties(mut sim: SimMut) {
    let mut ctx = sim.ctx();
    rules::third_parties::dated_events(&mut ctx);
    rules::third_parties::coalition_pressure(&mut ctx);
    rules::third_parties::allied_assurance(&mut ctx);
}

/// Domestic politics and the economy's recovery.
pub fn domestic(mut sim: SimMut) {
    rules::domestic::update(&mut sim.ctx());
}

/// Objectives, scores, endings.
pub fn objectives(mut sim: SimMut) {
    rules::objectives::evaluate(&mut sim.ctx());
}

/// End: the ladder eases, capital for next turn, the clock moves on.
pub fn end_of_turn(mut sim: SimMut, mut orders: ResMut<TurnOrders>) {
    let mut ctx = sim.ctx();
    rules::military::ease_ladder(&mut ctx);
    if ctx.status.ended.is_none() {
        rules::domestic::income(&mut ctx);
    }
    ctx.clock.turn += 1;
    orders.submitted = Default::default();
}

/// Read access to the whole state.
#[derive(SystemParam)]
pub struct SimRead<'w> {
    clock: Res<'w, Clock>,
    ind: Res<'w, Indicators>,
    dip: Res<'w, Diplomacy>,
    sanc: Res<'w, SanctionRegime>,
    mil: Res<'w, Military>,
    intel: Res<'w, Intel>,
    record: Res<'w, Record>,
    status: Res<'w, GameStatus>,
}

/// End: the state hash and the report.
pub fn report_and_hash(
    scn: Res<ScenarioRes>,
    settings: Res<TurnSettings>,
    log: Res<TurnLog>,
    mut history: ResMut<History>,
    state: SimRead,
) {
    if !settings.keep_history && !settings.hash {
        return;
    }
    let SimRead {
        clock,
        ind,
        dip,
        sanc,
        mil,
        intel,
        record,
        status,
    } = state;
    let refs = StateRefs {
        clock: &clock,
        indicators: &ind,
        diplomacy: &dip,
        sanctions: &sanc,
        military: &mil,
        intel: &intel,
        record: &record,
        status: &status,
    };
    let hash = if settings.hash {
        refs.hash()
    } else {
        crate::hash::StateHash::default()
    };
    history.last_hash = hash;
    if settings.keep_history {
        let view = crate::rules::View {
            scn: &scn.0,
            clock: &clock,
            ind: &ind,
            dip: &dip,
            sanc: &sanc,
            mil: &mil,
            intel: &intel,
            record: &record,
            status: &status,
        };
        history.reports.push(build_report(&view, &log, hash));
    }
}
