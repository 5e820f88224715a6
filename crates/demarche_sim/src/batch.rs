//! Many games at once, on all cores. Game `i` always gets the same seed (derived from the base
//! seed and `i`, whatever the policies), so two batches can be compared game by game, and the
//! result never depends on the number of threads.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use crate::game::Game;
use crate::hash::Fnv64;
use crate::ids::*;
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::state::SimState;

/// The seed of game `index` in a batch with this base seed.
pub fn game_seed(base: u64, index: u32) -> u64 {
    let mut h = Fnv64::new();
    h.write_str("batch-game");
    h.write_u64(base);
    h.write_u64(u64::from(index));
    h.finish()
}

/// How one game of a batch ended.
#[derive(Clone, Debug)]
pub struct GameResult {
    /// Position in the batch.
    pub index: u32,
    /// Its seed.
    pub seed: u64,
    /// The final state.
    pub state: SimState,
}

impl GameResult {
    /// The outcome, if any.
    pub fn outcome(&self) -> Option<OutcomeId> {
        self.state.status.ended
    }

    /// Final scores.
    pub fn scores(&self) -> [f64; 2] {
        self.state.status.scores
    }

    /// Highest rung reached.
    pub fn max_rung(&self) -> u8 {
        self.state.military.max_rung
    }
}

/// Plays one game to its end with a policy per side, without reports or hashes.
pub fn play(scenario: Arc<Scenario>, seed: u64, policies: &mut [Box<dyn Policy>; 2]) -> Game {
    let mut game = Game::new(scenario, seed);
    game.set_fast(true);
    while !game.is_over() {
        for side in Side::BOTH {
            let orders = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        if game.step().is_err() {
            break;
        }
    }
    game
}

/// Plays `games` games on `threads` threads and hands each result to `each` as soon as it is
/// done (from the worker that played it, so in no particular order; `GameResult::index` says
/// which game it was). Nothing is kept per game, so memory does not grow with `games`. `make`
/// builds both sides' policies for a game seed.
pub fn stream<F, E>(
    scenario: Arc<Scenario>,
    games: u32,
    base_seed: u64,
    threads: usize,
    make: F,
    each: E,
) where
    F: Fn(u64) -> [Box<dyn Policy>; 2] + Sync,
    E: Fn(GameResult) + Sync,
{
    let next = AtomicU32::new(0);
    let workers = threads.max(1).min(games.max(1) as usize);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= games {
                        break;
                    }
                    let seed = game_seed(base_seed, index);
                    let mut policies = make(seed);
                    let game = play(scenario.clone(), seed, &mut policies);
                    each(GameResult {
                        index,
                        seed,
                        state: game.state(),
                    });
                }
            });
        }
    });
}

/// Plays `games` games on `threads` threads and returns every result in game order, telling
/// `progress` how many games are done. It keeps every game's final state, so it is for small
/// batches and tests; the command line uses [`stream`].
pub fn run<F, P>(
    scenario: Arc<Scenario>,
    games: u32,
    base_seed: u64,
    threads: usize,
    make: F,
    progress: P,
) -> Vec<GameResult>
where
    F: Fn(u64) -> [Box<dyn Policy>; 2] + Sync,
    P: Fn(u32) + Sync,
{
    let results = Mutex::new(Vec::new());
    stream(scenario, games, base_seed, threads, make, |result| {
        if let Ok(mut list) = results.lock() {
            list.push(result);
            progress(list.len() as u32);
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|r| r.index);
    results
}
