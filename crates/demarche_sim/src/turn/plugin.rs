//! The simulation plugin: the state resource and the turn schedule with its systems.

use std::collections::BTreeMap;
use std::sync::Arc;

use bevy_app::{App, Plugin};
use bevy_ecs::prelude::*;

use super::schedule::{TurnPhase, turn_schedule};
use super::systems;
use crate::report::TurnLog;
use crate::rng::SimRng;
use crate::scenario::{Order, Scenario};
use crate::state::SimState;

/// The scenario being played (read-only).
#[derive(Resource, Clone, Debug)]
pub struct ScenarioRes(pub Arc<Scenario>);

/// The teacher's injects for this game, in the order added (fired or not: which have fired is
/// in the state's record). Kept apart from the state, so an inject added before its turn
/// changes no hash until it fires.
#[derive(Resource, Clone, Debug, Default)]
pub struct InjectBook {
    /// The injects, as written and built.
    pub entries: Vec<crate::scenario::injects::LoadedInject>,
}

impl InjectBook {
    /// The built injects, for the rules.
    pub fn built(&self) -> Vec<&crate::scenario::Inject> {
        self.entries.iter().map(|e| &e.inject).collect()
    }
}

/// The orders both sides submitted for the turn about to resolve.
#[derive(Resource, Clone, Debug, Default)]
pub struct TurnOrders {
    /// By side index.
    pub submitted: [Vec<Order>; 2],
    /// Each side's memo for the turn, by side index (moved into the turn's report).
    pub memos: [crate::memo::Memo; 2],
}

/// What the end of a turn records. The AI's look-ahead turns both off.
#[derive(Resource, Clone, Copy, Debug)]
pub struct TurnSettings {
    /// Build a report and keep it in the history.
    pub keep_history: bool,
    /// Compute the state hash.
    pub hash: bool,
}

impl Default for TurnSettings {
    fn default() -> Self {
        TurnSettings {
            keep_history: true,
            hash: true,
        }
    }
}

/// What a game keeps of its past: every turn report, and what it takes to rebuild the state at
/// the start of any resolved turn (see `Game::state_at`).
#[derive(Resource, Clone, Debug, Default)]
pub struct History {
    /// Reports, oldest first.
    pub reports: Vec<crate::report::TurnReport>,
    /// The hash after the last resolved turn (also when reports are not kept).
    pub last_hash: crate::hash::StateHash,
    /// Each resolved turn's orders as submitted (before validation), turn 1 first; `None` when
    /// the orders of earlier turns are not known (a game resumed from a bare state or a
    /// version-1 save, or whose state was replaced).
    pub orders: Option<Vec<[Vec<Order>; 2]>>,
    /// The state at the start of each turn resolved in this process (with reports kept), by
    /// turn: a rewind needs no replay for these.
    pub starts: BTreeMap<u32, SimState>,
    /// The last turn to play when the game stops before its calendar's end (a short class).
    pub stop_after: Option<u32>,
}

/// Adds a game's state and the turn schedule to an app.
pub struct SimPlugin {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The game seed.
    pub seed: u64,
    /// The state to start from (a new game's when `None`).
    pub state: Option<SimState>,
}

impl Plugin for SimPlugin {
    fn build(&self, app: &mut App) {
        let rng = SimRng { seed: self.seed };
        let state = self
            .state
            .clone()
            .unwrap_or_else(|| crate::rules::setup::new_game(&self.scenario, rng));
        app.insert_resource(state)
            .insert_resource(ScenarioRes(self.scenario.clone()))
            .insert_resource(rng)
            .insert_resource(TurnLog::new(&self.scenario))
            .init_resource::<TurnOrders>()
            .init_resource::<InjectBook>()
            .init_resource::<TurnSettings>()
            .init_resource::<History>();
        app.add_schedule(turn_schedule());
        app.add_systems(
            super::ResolveTurn,
            (
                systems::begin.in_set(TurnPhase::Begin),
                systems::validate_orders.in_set(TurnPhase::ValidateOrders),
                systems::diplomacy.in_set(TurnPhase::Diplomacy),
                systems::sanctions.in_set(TurnPhase::Sanctions),
                systems::talks.in_set(TurnPhase::Talks),
                systems::military.in_set(TurnPhase::Military),
                systems::incidents.in_set(TurnPhase::Incidents),
                systems::third_parties.in_set(TurnPhase::ThirdParties),
                systems::domestic.in_set(TurnPhase::Domestic),
                systems::objectives.in_set(TurnPhase::Objectives),
                (systems::end_of_turn, systems::report_and_hash)
                    .chain()
                    .in_set(TurnPhase::End),
            ),
        );
    }
}
