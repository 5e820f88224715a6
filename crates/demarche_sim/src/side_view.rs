//! [`SideView`]: the game as one side may see it. Players in the window, the AI, policies and
//! (later) a classroom team's browser see a side's game only through it; the all-seeing
//! [`Game::view`] is for observers, replays and tests.
//!
//! What a side may not see of the other side is taken out when the view is built, not hidden
//! by its accessors: the view holds a redacted copy of the state (the other side's private
//! resolve, its belief, its political capital and its audience costs replaced by neutral
//! values, see [`redact`]), none of the other side's orders for the current turn, and reports
//! without the other side's refused orders and private changes ([`TurnReport::visible_to`]).
//! Whatever a caller reads, or serializes ([`SideView::snapshot`]), cannot hold them.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::game::Game;
use crate::ids::*;
use crate::policy::orders_of;
use crate::report::{Metric, TurnReport, series_of};
use crate::rules::View;
use crate::rules::orders::{Refusal, check};
use crate::scenario::raw::RawOrder;
use crate::scenario::{Indicator, Order, Scenario};
use crate::state::SimState;

/// The resolve a side's view gives the other side: the middle of the scale, not its value.
pub const NEUTRAL_RESOLVE: f64 = 0.5;

/// The belief a side's view gives the other side when its scenario sets no prior.
pub const NEUTRAL_BELIEF: (f64, f64) = (2.0, 2.0);

/// One side's view of a game: owned, so it can move to another thread (the AI's) or be sent
/// away as a [`SideSnapshot`].
#[derive(Clone, Debug)]
pub struct SideView {
    side: Side,
    scenario: Arc<Scenario>,
    seed: u64,
    state: SimState,
    submitted: Vec<Order>,
    history: Vec<TurnReport>,
}

impl SideView {
    /// `side`'s view of `game` as it stands.
    pub fn of(game: &Game, side: Side) -> SideView {
        let scn = game.scenario();
        let mut state = game.state();
        hide_private(&mut state, scn, side);
        SideView {
            side,
            scenario: game.scenario_arc().clone(),
            seed: game.seed(),
            state,
            submitted: game.submitted(side).to_vec(),
            history: game
                .history()
                .iter()
                .map(|r| r.visible_to(scn, side, game.is_over()))
                .collect(),
        }
    }

    /// The side whose view this is.
    pub fn side(&self) -> Side {
        self.side
    }

    /// The actor of this side.
    pub fn actor(&self) -> ActorId {
        self.scenario.actor_of(self.side)
    }

    /// The scenario (public to both sides).
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario, shared.
    pub fn scenario_arc(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The game's seed, which the AI mixes into its own draws. Whoever starts a game knows it
    /// (the command line, the new-game screen), and the setup is drawn from it, so it is kept
    /// out of [`SideView::snapshot`]: a server must not send it to the sides.
    pub fn game_seed(&self) -> u64 {
        self.seed
    }

    /// The current turn (1-based): the one being planned.
    pub fn turn(&self) -> u32 {
        self.state.clock.turn
    }

    /// The outcome, once the game is over.
    pub fn outcome(&self) -> Option<OutcomeId> {
        self.state.status.ended
    }

    /// Whether the game is over (an ending, or past the last turn).
    pub fn is_over(&self) -> bool {
        self.outcome().is_some() || self.turn() > self.scenario.meta.calendar.turns
    }

    /// The state as this side sees it: the other side's private numbers are neutral values.
    pub fn state(&self) -> &SimState {
        &self.state
    }

    /// A read-only view of [`SideView::state`], for conditions, rules and the interface.
    pub fn view(&self) -> View<'_> {
        self.state.view(&self.scenario)
    }

    /// Both sides' scores (public).
    pub fn scores(&self) -> [f64; 2] {
        self.state.status.scores
    }

    /// Whether this side may give `order` after `earlier` orders this turn; the reason if not.
    pub fn check(&self, order: &Order, earlier: &[Order]) -> Result<(), Refusal> {
        check(&self.view(), self.actor(), order, earlier)
    }

    /// Whether this side may give `order` after `earlier` orders this turn: [`SideView::check`]
    /// without the reason, for look-aheads and candidate lists.
    pub fn allows(&self, order: &Order, earlier: &[Order]) -> bool {
        crate::rules::orders::allows(&self.view(), self.actor(), order, earlier)
    }

    /// Every order this side could give now on its own (each action with each target it may
    /// name).
    pub fn candidates(&self) -> Vec<Order> {
        let scn = &self.scenario;
        let actor = self.actor();
        let mut out = Vec::new();
        for (i, action) in scn.actions.iter().enumerate() {
            if !action.actors.contains(&actor) {
                continue;
            }
            out.extend(
                orders_of(scn, ActionId::from_index(i))
                    .into_iter()
                    .filter(|o| self.allows(o, &[])),
            );
        }
        out
    }

    /// The orders this side has submitted for the current turn.
    pub fn submitted(&self) -> &[Order] {
        &self.submitted
    }

    /// The orders the historical record gives this side for the current turn.
    pub fn historical_orders(&self) -> &[Order] {
        self.scenario.historical_orders(self.side, self.turn())
    }

    /// Every report so far, as this side may see it.
    pub fn history(&self) -> &[TurnReport] {
        &self.history
    }

    /// The last report, if a turn has been resolved.
    pub fn last_report(&self) -> Option<&TurnReport> {
        self.history.last()
    }

    /// A number's value at the start and after each turn so far (`[turn, value]`), as
    /// [`Game::series`] gives it; empty for a number this side may not see.
    pub fn series(&self, metric: Metric) -> Vec<[f64; 2]> {
        if !metric.visible_to(&self.scenario, self.side) {
            return Vec::new();
        }
        series_of(&self.view(), &self.history, metric)
    }

    /// An owned, serializable copy of what this side sees (for a browser, a file, a test).
    pub fn snapshot(&self) -> SideSnapshot {
        let scn = &self.scenario;
        let mut state = self.state.clone();
        let taken = std::mem::take(&mut state.record.taken)
            .into_iter()
            .map(|((actor, action), times)| Taken {
                actor,
                action,
                times,
            })
            .collect();
        SideSnapshot {
            scenario_id: scn.meta.id.clone(),
            side: self.side,
            actor: scn.actor(self.actor()).key.clone(),
            turn: self.turn(),
            state,
            taken,
            submitted: self.submitted.iter().map(|o| scn.raw_order(o)).collect(),
            history: self.history.clone(),
        }
    }
}

/// What one side sees, owned and serializable (to JSON too): a [`SideView`] without the
/// scenario (which the receiver loads by its id) and without the game seed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SideSnapshot {
    /// The scenario's id.
    pub scenario_id: String,
    /// The side.
    pub side: Side,
    /// Its actor's key.
    pub actor: String,
    /// The current turn.
    pub turn: u32,
    /// The state as the side sees it, with the record's counts of actions taken moved to
    /// [`SideSnapshot::taken`] (JSON maps need string keys; see [`SideSnapshot::full_state`]).
    pub state: SimState,
    /// How many times each actor took each action.
    pub taken: Vec<Taken>,
    /// Its orders submitted for the current turn.
    pub submitted: Vec<RawOrder>,
    /// Every report so far, as the side may see it.
    pub history: Vec<TurnReport>,
}

impl SideSnapshot {
    /// The state as the side sees it, with the record's counts back in place.
    pub fn full_state(&self) -> SimState {
        let mut state = self.state.clone();
        state.record.taken = self
            .taken
            .iter()
            .map(|t| ((t.actor, t.action), t.times))
            .collect();
        state
    }
}

/// One entry of the record's counts of actions taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taken {
    /// Who.
    pub actor: ActorId,
    /// Which action.
    pub action: ActionId,
    /// How many times.
    pub times: u32,
}

/// The state as `viewer` may see it: the other side's private resolve becomes
/// [`NEUTRAL_RESOLVE`], its belief its public prior from the scenario, its political capital
/// and audience costs zero. Everything else is public and kept.
pub fn redact(state: &SimState, scn: &Scenario, viewer: Side) -> SimState {
    let mut seen = state.clone();
    hide_private(&mut seen, scn, viewer);
    seen
}

/// Replaces the other side's private numbers in `seen` as [`redact`] says.
fn hide_private(seen: &mut SimState, scn: &Scenario, viewer: Side) {
    let other = viewer.other();
    let actor = scn.actor_of(other);
    seen.intel.resolve[other.index()] = NEUTRAL_RESOLVE;
    seen.intel.beliefs[other.index()] = scn
        .actor(actor)
        .side
        .as_ref()
        .map_or(NEUTRAL_BELIEF, |s| s.prior.pair());
    let indicators = &mut seen.indicators.actors[actor.index()];
    for private in [Indicator::Capital, Indicator::AudienceCost] {
        indicators[private.index()] = 0.0;
    }
    hide_agenda(seen, scn, other);
}

/// The other side's agenda is its own: the viewer sees neither which one it drew nor the
/// weights it gives its objectives (they read as the scenario's).
fn hide_agenda(seen: &mut SimState, scn: &Scenario, other: Side) {
    seen.status.agendas[other.index()] = None;
    let actor = scn.actor_of(other);
    if seen.status.weights.is_empty() {
        return;
    }
    for (i, o) in scn.objectives.iter().enumerate() {
        if o.side == actor
            && let Some(w) = seen.status.weights.get_mut(i)
        {
            *w = o.weight;
        }
    }
}
