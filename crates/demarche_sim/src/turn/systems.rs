//! The turn's systems: each phase is thin glue that builds a rule context from the resources and
//! calls the rules.

use bevy_ecs::prelude::*;
use bevy_ecs::system::SystemParam;

use super::plugin::{History, InjectBook, ScenarioRes, TurnOrders, TurnSettings};
use crate::report::{TurnLog, build_report};
use crate::rng::SimRng;
use crate::rules::{self, Ctx};
use crate::scenario::Category;
use crate::state::SimState;

/// Mutable access to the whole state and the turn's log. Every phase takes it: any phase can
/// touch any domain (a scenario effect may adjust anything), so the phases are ordered by the
/// chained schedule, not kept apart by what they borrow.
#[derive(SystemParam)]
pub struct SimMut<'w> {
    scn: Res<'w, ScenarioRes>,
    rng: Res<'w, SimRng>,
    state: ResMut<'w, SimState>,
    log: ResMut<'w, TurnLog>,
}

impl SimMut<'_> {
    /// A rule context over the state.
    pub fn ctx(&mut self) -> Ctx<'_> {
        let SimMut {
            scn,
            rng,
            state,
            log,
        } = self;
        state.ctx(&scn.0, **rng, log)
    }
}

/// Begin: a fresh log for the turn.
pub fn begin(state: Res<SimState>, settings: Res<TurnSettings>, mut log: ResMut<TurnLog>) {
    log.reset(state.clock.turn);
    log.quiet = !settings.keep_history && !settings.hash;
}

/// Validate orders: both sides' orders checked against the state at the start of the turn.
pub fn validate_orders(mut sim: SimMut, orders: Res<TurnOrders>) {
    let mut ctx = sim.ctx();
    rules::orders::validate(&mut ctx, &orders.submitted);
    rules::injects::settle_decisions(&mut ctx);
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

/// Third parties: the teacher's injects due, dated events, coalition pressure, allied
/// assurance.
pub fn third_parties(mut sim: SimMut, book: Res<InjectBook>) {
    let mut ctx = sim.ctx();
    rules::injects::fire_due(&mut ctx, &book.built());
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

/// End: the state hash and the report.
pub fn report_and_hash(
    scn: Res<ScenarioRes>,
    settings: Res<TurnSettings>,
    log: Res<TurnLog>,
    mut history: ResMut<History>,
    state: Res<SimState>,
    mut orders: ResMut<TurnOrders>,
) {
    let memos = std::mem::take(&mut orders.memos);
    if !settings.keep_history && !settings.hash {
        return;
    }
    let hash = if settings.hash {
        state.hash()
    } else {
        crate::hash::StateHash::default()
    };
    history.last_hash = hash;
    if settings.keep_history {
        let view = state.view(&scn.0);
        let mut report = build_report(&view, &log, hash);
        report.memos = memos;
        report.milestones = crate::record::reached(&view, &history.reports);
        history.reports.push(report);
    }
}
