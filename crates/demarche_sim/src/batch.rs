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

/// Plays `games` games on `threads` threads. `make` builds both sides' policies for a game seed;
/// `progress` is told how many games are done.
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
    let next = AtomicU32::new(0);
    let done = AtomicU32::new(0);
    let results: Mutex<Vec<Option<GameResult>>> = Mutex::new(vec![None; games as usize]);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1).min(games.max(1) as usize) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= games {
                        break;
                    }
                    let seed = game_seed(base_seed, index);
                    let mut policies = make(seed);
                    let game = play(scenario.clone(), seed, &mut policies);
                    let result = GameResult {
                        index,
                        seed,
                        state: game.state(),
                    };
                    if let Ok(mut slots) = results.lock() {
                        slots[index as usize] = Some(result);
                    }
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}
