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
use crate::scenario::injects::LoadedInject;
use crate::scenario::{Order, Scenario};
use crate::side_view::SideView;
use crate::state::SimState;
use crate::turn::plugin::{History, InjectBook};
use crate::turn::{ResolveTurn, ScenarioRes, SimPlugin, TurnOrders, TurnSettings};

/// Why a turn could not be resolved or orders not submitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GameError {
    /// The game has ended.
    #[error("the game is over")]
    Over,
    /// A turn that has not started yet (or turn 0).
    #[error("turn {turn} is not a turn of this game so far (it is at turn {now})")]
    NoSuchTurn {
        /// The turn asked for.
        turn: u32,
        /// The game's current turn.
        now: u32,
    },
    /// The state at the start of an earlier turn cannot be rebuilt: the orders of the turns
    /// before it are not known.
    #[error(
        "the state at the start of turn {turn} cannot be rebuilt: this game does not know the orders of its earlier turns (it was resumed from a version-1 save or a bare state)"
    )]
    PastUnknown {
        /// The turn asked for.
        turn: u32,
    },
    /// Replaying the recorded orders did not give the recorded hash.
    #[error("replaying turn {turn} gave hash {found}, not the recorded {expected}")]
    Diverged {
        /// The turn whose hash differs.
        turn: u32,
        /// The recorded hash.
        expected: StateHash,
        /// The replay's hash.
        found: StateHash,
    },
    /// An agenda cannot be set.
    #[error("{why}")]
    Agenda {
        /// Why.
        why: String,
    },
    /// An inject cannot be added or taken back.
    #[error("inject `{key}`: {why}")]
    Inject {
        /// The inject's id.
        key: String,
        /// Why.
        why: String,
    },
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
        Game::build(
            scenario,
            seed,
            None,
            History {
                orders: Some(Vec::new()),
                ..History::default()
            },
        )
    }

    /// A game continuing from a saved state and history, whose earlier orders are not known
    /// (so [`Game::state_at`] reaches only the current turn and later ones).
    pub fn resume(
        scenario: Arc<Scenario>,
        seed: u64,
        state: SimState,
        history: Vec<TurnReport>,
    ) -> Game {
        Game::resume_with_orders(scenario, seed, state, history, None)
    }

    /// A game continuing from a saved state and history, with the orders each earlier turn was
    /// resolved with (turn 1 first), when they are known: then [`Game::state_at`] can rebuild
    /// any earlier turn by replaying them.
    pub fn resume_with_orders(
        scenario: Arc<Scenario>,
        seed: u64,
        state: SimState,
        history: Vec<TurnReport>,
        orders: Option<Vec<[Vec<Order>; 2]>>,
    ) -> Game {
        let last_hash = history.last().map(|r| r.hash).unwrap_or_default();
        Game::build(
            scenario,
            seed,
            Some(state),
            History {
                reports: history,
                last_hash,
                orders,
                starts: Default::default(),
                stop_after: None,
            },
        )
    }

    fn build(
        scenario: Arc<Scenario>,
        seed: u64,
        state: Option<SimState>,
        history: History,
    ) -> Game {
        let mut app = App::empty();
        app.add_plugins(SimPlugin {
            scenario: scenario.clone(),
            seed,
            state,
        });
        app.world_mut().insert_resource(history);
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

    /// Whether the game is over (an ending, or past the last turn: the calendar's, or the one
    /// it was stopped after).
    pub fn is_over(&self) -> bool {
        self.outcome().is_some() || self.turn() > self.last_turn()
    }

    /// The last turn this game plays: its calendar's, or the one it is stopped after.
    pub fn last_turn(&self) -> u32 {
        let calendar = self.scenario.meta.calendar.turns;
        self.world
            .resource::<History>()
            .stop_after
            .map_or(calendar, |last| last.min(calendar))
    }

    /// Stops the game after turn `last` (a short class): once that turn is resolved the game is
    /// over, with no named ending; `None` lets it run to its calendar's end. Nothing of the state
    /// changes, so neither do the hashes.
    pub fn stop_after(&mut self, last: Option<u32>) {
        self.world.resource_mut::<History>().stop_after = last;
    }

    /// The turn the game was set to stop after, if any.
    pub fn stop_turn(&self) -> Option<u32> {
        self.world.resource::<History>().stop_after
    }

    /// Whether the game is over because it was stopped, not by an ending of its own.
    pub fn stopped(&self) -> bool {
        self.outcome().is_none() && self.stop_turn().is_some() && self.turn() > self.last_turn()
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

    /// Replaces the state (the AI's look-ahead rewinds a scratch game this way). The replaced
    /// state has no past the recorded orders lead to, so earlier turns can no longer be rebuilt
    /// by replaying them (those resolved in this process still can).
    pub fn set_state(&mut self, state: SimState) {
        self.world.insert_resource(state);
        self.world.resource_mut::<History>().orders = None;
    }

    /// Whether `side` may give `order` after `earlier` orders this turn; the reason if not.
    pub fn check(&self, side: Side, order: &Order, earlier: &[Order]) -> Result<(), Refusal> {
        check(&self.view(), self.scenario.actor_of(side), order, earlier)
    }

    /// Whether `side` may give `order` after `earlier` orders this turn: [`Game::check`] without
    /// the reason, for look-aheads.
    pub fn allows(&self, side: Side, order: &Order, earlier: &[Order]) -> bool {
        crate::rules::orders::allows(&self.view(), self.scenario.actor_of(side), order, earlier)
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

    /// Sets a side's memo for this turn (why these orders), replacing an earlier one. It is kept
    /// in the turn's report, cleaned (trimmed, capped at [`crate::memo::MAX_MEMO_CHARS`]); it
    /// changes nothing in the state.
    pub fn set_memo(&mut self, side: Side, memo: crate::memo::Memo) {
        self.world.resource_mut::<TurnOrders>().memos[side.index()] = memo.cleaned();
    }

    /// A side's memo for this turn so far.
    pub fn memo(&self, side: Side) -> &crate::memo::Memo {
        &self.world.resource::<TurnOrders>().memos[side.index()]
    }

    /// Names a side's agenda for this game (`None`: the scenario's weights), replacing the one
    /// drawn from the seed, so that every group of a class plays the same agenda. Only before
    /// the first turn is resolved.
    pub fn set_agenda(&mut self, side: Side, key: Option<&str>) -> Result<(), GameError> {
        let refuse = |why: String| GameError::Agenda { why };
        if self.turn() != 1 || !self.history().is_empty() {
            return Err(refuse("an agenda is set before the first turn".into()));
        }
        let scn = self.scenario.clone();
        let actor = scn.actor_of(side);
        let index = match key {
            None => None,
            Some(key) => Some(
                scn.agendas
                    .iter()
                    .position(|a| a.key == key && a.side == actor)
                    .ok_or_else(|| {
                        let known: Vec<&str> = scn
                            .agendas
                            .iter()
                            .filter(|a| a.side == actor)
                            .map(|a| a.key.as_str())
                            .collect();
                        refuse(format!(
                            "`{key}` is not an agenda of {}; {}",
                            scn.actor(actor).key,
                            crate::scenario::suggest::help_for_unknown(key, &known)
                        ))
                    })?,
            ),
        };
        let mut state = self.state();
        crate::rules::setup::set_agenda(&scn, &mut state, side, index);
        let (degrees, scores) = crate::rules::objectives::scores(&state.view(&scn));
        state.status.objectives = degrees;
        state.status.scores = scores;
        // Not `set_state`: the game still knows its (no) earlier orders.
        self.world.insert_resource(state);
        Ok(())
    }

    /// The agenda a side plays (its id), if the scenario has agendas for it.
    pub fn agenda(&self, side: Side) -> Option<&str> {
        self.sim().status.agendas[side.index()].as_deref()
    }

    /// Adds a teacher's injects (from a file, or one to fire this turn). Refused, adding none:
    /// an id already in the game, or a turn already resolved.
    pub fn add_injects(&mut self, injects: Vec<LoadedInject>) -> Result<(), GameError> {
        let now = self.turn();
        let book = self.world.resource::<InjectBook>();
        for (i, new) in injects.iter().enumerate() {
            let key = &new.inject.key;
            let why = if book.entries.iter().any(|e| &e.inject.key == key)
                || injects[..i].iter().any(|e| &e.inject.key == key)
            {
                Some("this game has an inject with that id already".to_owned())
            } else {
                new.inject
                    .turn
                    .filter(|t| *t < now)
                    .map(|t| format!("turn {t} is over (the game is at turn {now})"))
            };
            if let Some(why) = why {
                return Err(GameError::Inject {
                    key: key.clone(),
                    why,
                });
            }
        }
        self.world
            .resource_mut::<InjectBook>()
            .entries
            .extend(injects);
        Ok(())
    }

    /// Takes back an inject that has not fired yet (a teacher's "fire now" undone before the
    /// turn resolves).
    pub fn withdraw_inject(&mut self, key: &str) -> Result<LoadedInject, GameError> {
        let refuse = |why: &str| GameError::Inject {
            key: key.to_owned(),
            why: why.to_owned(),
        };
        if self.has_fired(key) {
            return Err(refuse("it has fired already"));
        }
        let mut book = self.world.resource_mut::<InjectBook>();
        let i = book
            .entries
            .iter()
            .position(|e| e.inject.key == key)
            .ok_or_else(|| refuse("this game has no inject with that id"))?;
        Ok(book.entries.remove(i))
    }

    /// Puts back the injects a saved game had, fired or not, without the checks of
    /// [`Game::add_injects`] (their turns may be over).
    pub(crate) fn restore_injects(&mut self, injects: Vec<LoadedInject>) {
        self.world.resource_mut::<InjectBook>().entries = injects;
    }

    /// The game's injects, fired or not, in the order added.
    pub fn injects(&self) -> &[LoadedInject] {
        &self.world.resource::<InjectBook>().entries
    }

    /// Whether the inject with this id has fired.
    pub fn has_fired(&self, key: &str) -> bool {
        self.sim()
            .record
            .injected
            .binary_search_by(|k| k.as_str().cmp(key))
            .is_ok()
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
        let turn = self.turn();
        let submitted = self.world.resource::<TurnOrders>().submitted.clone();
        let start = self
            .world
            .resource::<TurnSettings>()
            .keep_history
            .then(|| self.state());
        self.world.run_schedule(ResolveTurn);
        let mut history = self.world.resource_mut::<History>();
        if let Some(start) = start {
            history.starts.insert(turn, start);
        }
        match &mut history.orders {
            Some(orders) if orders.len() + 1 == turn as usize => orders.push(submitted),
            _ => history.orders = None,
        }
        Ok(history.last_hash)
    }

    /// The orders each resolved turn was resolved with, as submitted, turn 1 first; `None` when
    /// the game does not know them (see [`Game::resume`]).
    pub fn turn_orders(&self) -> Option<&[[Vec<Order>; 2]]> {
        self.world.resource::<History>().orders.as_deref()
    }

    /// The state at the start of `turn` (for timelines, rewinds and branches): the current
    /// state for the current turn; for an earlier one, the snapshot taken when it was resolved
    /// in this process, or else the game replayed from its start with the recorded orders (each
    /// replayed turn must give the hash its report recorded).
    pub fn state_at(&self, turn: u32) -> Result<SimState, GameError> {
        let now = self.turn();
        if turn == now {
            return Ok(self.state());
        }
        if turn == 0 || turn > now {
            return Err(GameError::NoSuchTurn { turn, now });
        }
        let history = self.world.resource::<History>();
        if let Some(start) = history.starts.get(&turn) {
            return Ok(start.clone());
        }
        let orders = history
            .orders
            .as_deref()
            .ok_or(GameError::PastUnknown { turn })?;
        let mut replay = Game::new(self.scenario.clone(), self.seed);
        *replay.world.resource_mut::<InjectBook>() = self.world.resource::<InjectBook>().clone();
        // A game's agendas never change after its start: the replay starts with the same ones.
        for side in Side::BOTH {
            replay.set_agenda(side, self.agenda(side))?;
        }
        *replay.world.resource_mut::<TurnSettings>() = TurnSettings {
            keep_history: false,
            hash: true,
        };
        for (i, submitted) in orders.iter().take(turn as usize - 1).enumerate() {
            for side in Side::BOTH {
                replay.submit_unchecked(side, submitted[side.index()].clone());
            }
            let found = replay.step()?;
            let played = i as u32 + 1;
            if let Some(report) = self.history().iter().find(|r| r.turn == played)
                && report.hash != found
            {
                return Err(GameError::Diverged {
                    turn: played,
                    expected: report.hash,
                    found,
                });
            }
        }
        Ok(replay.state())
    }

    /// A new game at the start of `turn`, with this game's history up to it: a branch to play
    /// other orders from, leaving this game as it is.
    pub fn branch_at(&self, turn: u32) -> Result<Game, GameError> {
        let state = self.state_at(turn)?;
        let history = self.world.resource::<History>();
        let reports: Vec<TurnReport> = history
            .reports
            .iter()
            .filter(|r| r.turn < turn)
            .cloned()
            .collect();
        let orders = history
            .orders
            .as_ref()
            .map(|o| o.iter().take(turn as usize - 1).cloned().collect());
        let starts = history
            .starts
            .range(..turn)
            .map(|(t, s)| (*t, s.clone()))
            .collect();
        let last_hash = reports.last().map(|r| r.hash).unwrap_or_default();
        let mut branch = Game::build(
            self.scenario.clone(),
            self.seed,
            Some(state),
            History {
                reports,
                last_hash,
                orders,
                starts,
                stop_after: history.stop_after,
            },
        );
        *branch.world.resource_mut::<InjectBook>() = self.world.resource::<InjectBook>().clone();
        Ok(branch)
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
