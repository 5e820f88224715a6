//! [`Game`]: one game in its own ECS world. The only way to change it is to submit orders and
//! resolve a turn; the only way to learn what happened is the turn reports and read-only views.

use std::sync::Arc;

use bevy_app::App;
use bevy_ecs::world::World;

use crate::hash::StateHash;
use crate::ids::*;
use crate::report::TurnReport;
use crate::rules::View;
use crate::rules::orders::{Refusal, check};
use crate::scenario::{Order, Scenario};
use crate::side_view::SideView;
use crate::state::SimState;
use crate::turn::plugin::History;
use crate::turn::{ResolveTurn, ScenarioRes, SimPlugin, TurnOrders, TurnSettings};

/// Why a turn could not be resolved or orders not submitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GameError {
    /// The game has ended.
    #[error("the game is over")]
    Over,
    /// Some orders are not available; nothing was submitted.
    #[error("{} order(s) refused: {}", .0.len(), .0.iter().map(|(i, why)| format!("#{}: {why}", i + 1)).collect::<Vec<_>>().join("; "))]
    Refused(Vec<(usize, Refusal)>),
}

/// One game of a scenario, in its own ECS world. The world is built by [`SimPlugin`] on a Bevy
/// `App` and then taken out of it, so a game is `Send + Sync` and can live in another app's
/// resource (the window's session) or move to another thread (the AI).
pub struct Game {
    world: World,
    scenario: Arc<Scenario>,
    seed: u64,
}

impl Game {
    /// A new game with this seed.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Game {
        Game::build(scenario, seed, None, Vec::new())
    }

    /// A game continuing from a saved state and history.
    pub fn resume(
        scenario: Arc<Scenario>,
        seed: u64,
        state: SimState,
        history: Vec<TurnReport>,
    ) -> Game {
        Game::build(scenario, seed, Some(state), history)
    }

    fn build(
        scenario: Arc<Scenario>,
        seed: u64,
        state: Option<SimState>,
        history: Vec<TurnReport>,
    ) -> Game {
        let mut app = App::empty();
        app.add_plugins(SimPlugin {
            scenario: scenario.clone(),
            seed,
            state,
        });
        let last_hash = history.last().map(|r| r.hash).unwrap_or_default();
        app.world_mut().insert_resource(History {
            reports: history,
            last_hash,
        });
        let world = std::mem::take(app.world_mut());
        Game {
            world,
            scenario,
            seed,
        }
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario, shared.
    pub fn scenario_arc(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The game seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The current turn (1-based): the one being planned.
    pub fn turn(&self) -> u32 {
        self.sim().clock.turn
    }

    /// The outcome, once the game is over.
    pub fn outcome(&self) -> Option<OutcomeId> {
        self.sim().status.ended
    }

    /// Whether the game is over (an ending, or past the last turn).
    pub fn is_over(&self) -> bool {
        self.outcome().is_some() || self.turn() > self.scenario.meta.calendar.turns
    }

    /// The state resource, where it stands.
    fn sim(&self) -> &SimState {
        self.world.resource::<SimState>()
    }

    /// A read-only view of the whole state (the observer's view: it includes private resolve).
    pub fn view(&self) -> View<'_> {
        self.sim().view(&self.scenario)
    }

    /// What `side` may see of the game: the view players, policies and the AI work from.
    pub fn side_view(&self, side: Side) -> SideView {
        SideView::of(self, side)
    }

    /// A copy of the whole state.
    pub fn state(&self) -> SimState {
        self.sim().clone()
    }

    /// Changes the seed of the game's random streams (the AI's look-ahead draws a different
    /// future in each rollout this way).
    pub fn set_seed(&mut self, seed: u64) {
        self.seed = seed;
        self.world.insert_resource(crate::rng::SimRng { seed });
    }

    /// Replaces the state (the AI's look-ahead rewinds a scratch game this way).
    pub fn set_state(&mut self, state: SimState) {
        self.world.insert_resource(state);
    }

    /// Whether `side` may give `order` after `earlier` orders this turn; the reason if not.
    pub fn check(&self, side: Side, order: &Order, earlier: &[Order]) -> Result<(), Refusal> {
        check(&self.view(), self.scenario.actor_of(side), order, earlier)
    }

    /// Submits a side's orders for this turn, replacing earlier ones. All must be available,
    /// or nothing is submitted.
    pub fn submit(&mut self, side: Side, orders: Vec<Order>) -> Result<(), GameError> {
        if self.is_over() {
            return Err(GameError::Over);
        }
        let mut refused = Vec::new();
        for (i, order) in orders.iter().enumerate() {
            if let Err(why) = self.check(side, order, &orders[..i]) {
                refused.push((i, why));
            }
        }
        if !refused.is_empty() {
            return Err(GameError::Refused(refused));
        }
        self.submit_unchecked(side, orders);
        Ok(())
    }

    /// Submits orders without checking them first; the turn's validation phase refuses those
    /// that are not available and reports why. Replays and order files use this, so a bad order
    /// is reported rather than stopping the game.
    pub fn submit_unchecked(&mut self, side: Side, orders: Vec<Order>) {
        self.world.resource_mut::<TurnOrders>().submitted[side.index()] = orders;
    }

    /// The orders submitted so far for this turn.
    pub fn submitted(&self, side: Side) -> &[Order] {
        &self.world.resource::<TurnOrders>().submitted[side.index()]
    }

    /// Resolves the turn with the orders submitted, and returns its report.
    pub fn resolve(&mut self) -> Result<&TurnReport, GameError> {
        self.step()?;
        let reports = &self.world.resource::<History>().reports;
        reports.last().ok_or(GameError::Over)
    }

    /// Resolves the turn; returns the state hash. Cheaper than [`Game::resolve`] when reports
    /// are off (see [`Game::set_fast`]).
    pub fn step(&mut self) -> Result<StateHash, GameError> {
        if self.is_over() {
            return Err(GameError::Over);
        }
        self.world.run_schedule(ResolveTurn);
        Ok(self.world.resource::<History>().last_hash)
    }

    /// Turns reports and hashes off (true) or on (false), for look-ahead games.
    pub fn set_fast(&mut self, fast: bool) {
        *self.world.resource_mut::<TurnSettings>() = TurnSettings {
            keep_history: !fast,
            hash: !fast,
        };
    }

    /// Every report so far.
    pub fn history(&self) -> &[TurnReport] {
        &self.world.resource::<History>().reports
    }

    /// The last report, if a turn has been resolved.
    pub fn last_report(&self) -> Option<&TurnReport> {
        self.history().last()
    }

    /// A number's value at the start and after each turn so far (`[turn, value]`, turn 0 being
    /// the start), rebuilt from the current value and every change the reports recorded.
    pub fn series(&self, metric: crate::report::Metric) -> Vec<[f64; 2]> {
        crate::report::series_of(&self.view(), self.history(), metric)
    }

    /// The hash of the current state.
    pub fn hash(&self) -> StateHash {
        self.sim().hash()
    }

    /// The ECS world of the game, read-only (for tests and tools).
    pub fn world(&self) -> &bevy_ecs::world::World {
        &self.world
    }

    /// The scenario resource, to check a world holds the expected scenario.
    pub fn scenario_res(&self) -> &ScenarioRes {
        self.world.resource::<ScenarioRes>()
    }
}
