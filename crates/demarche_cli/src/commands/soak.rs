//! `demarche soak`: many games with the state's invariants checked after every turn, and a save
//! made in the middle of each game loaded and played on with the same orders, which must give
//! the straight game's hashes. The test suite runs a few games; the command runs thousands.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use demarche_sim::batch::game_seed;
use demarche_sim::save::SaveFile;
use demarche_sim::scenario::Order;
use demarche_sim::{Game, Scenario, Side, invariants};

use super::load_scenario;
use crate::args::SoakArgs;
use crate::error::CliError;
use crate::policies;
use crate::progress::Progress;

/// The policy pairs the soak cycles through; the AI games come on top.
pub const PAIRS: [[&str; 2]; 4] = [
    ["random", "hawk"],
    ["hawk", "random"],
    ["random", "random"],
    ["hawk", "hawk"],
];

/// What one soaked game gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Soaked {
    /// Turns played.
    pub turns: u32,
    /// Invariants checked (one check per turn).
    pub checks: u32,
}

/// Plays one game with these policies: checks the invariants after every turn, and from a save
/// made at the start of turn `1 + seed % turns` plays on with the same orders, comparing hashes.
pub fn soak_one(scn: &Arc<Scenario>, seed: u64, names: &[String; 2]) -> Result<Soaked, String> {
    let mut policies = policies::build_pair(names, seed).map_err(|e| e.to_string())?;
    let mut game = Game::new(scn.clone(), seed);
    let mut soaked = Soaked::default();
    let save_at = 1 + (seed % u64::from(scn.meta.calendar.turns)) as u32;
    let mut saved: Option<SaveFile> = None;
    let mut orders_after: Vec<[Vec<Order>; 2]> = Vec::new();
    let mut hashes_after = Vec::new();
    while !game.is_over() {
        if game.turn() == save_at {
            saved = Some(SaveFile::of(&game, BTreeMap::new()));
        }
        let mut turn_orders: [Vec<Order>; 2] = Default::default();
        for side in Side::BOTH {
            let orders = policies[side.index()].orders(&game.side_view(side));
            turn_orders[side.index()] = orders.clone();
            game.submit_unchecked(side, orders);
        }
        let hash = game.step().map_err(|e| e.to_string())?;
        soaked.turns += 1;
        let broken = invariants::check(scn, &game.state());
        soaked.checks += 1;
        if let Some(first) = broken.first() {
            return Err(format!(
                "seed {seed}, {} vs {}, after turn {}: {first} ({} broken in all)",
                names[0],
                names[1],
                game.turn() - 1,
                broken.len()
            ));
        }
        if saved.is_some() {
            orders_after.push(turn_orders);
            hashes_after.push(hash);
        }
    }
    if let Some(save) = saved {
        replay_from_save(scn, save, &orders_after, &hashes_after)
            .map_err(|why| format!("seed {seed}, {} vs {}: {why}", names[0], names[1]))?;
    }
    Ok(soaked)
}

/// Writes the save as text, reads it back, and plays the recorded orders on it.
fn replay_from_save(
    scn: &Arc<Scenario>,
    save: SaveFile,
    orders: &[[Vec<Order>; 2]],
    hashes: &[demarche_sim::hash::StateHash],
) -> Result<(), String> {
    let text = ron::to_string(&save).map_err(|e| format!("the save does not write: {e}"))?;
    let read: SaveFile = demarche_sim::scenario::read::ron_options()
        .without_recursion_limit()
        .from_str(&text)
        .map_err(|e| format!("the save does not read back: {e}"))?;
    let mut game = read
        .restore(scn.clone(), Path::new("soak.save.ron"))
        .map_err(|e| format!("the save does not load: {e}"))?;
    for (i, (turn_orders, expected)) in orders.iter().zip(hashes).enumerate() {
        for side in Side::BOTH {
            game.submit_unchecked(side, turn_orders[side.index()].clone());
        }
        let hash = game.step().map_err(|e| e.to_string())?;
        if hash != *expected {
            return Err(format!(
                "{} turns after loading, the hash is {hash}, the straight game's {expected}",
                i + 1
            ));
        }
    }
    Ok(())
}

/// Runs the soak and prints what it checked.
pub fn run(args: &SoakArgs) -> Result<ExitCode, CliError> {
    let scn = load_scenario(&args.scenario)?;
    for name in [args.ai.as_str()]
        .into_iter()
        .chain(PAIRS.iter().flatten().copied())
    {
        policies::check(&scn, name)?;
    }
    let base = args.seed.unwrap_or(scn.meta.default_seed);
    let threads = super::worker_threads(args.threads);
    let total = args.games.saturating_add(args.ai_games);
    let progress = Mutex::new(Progress::new(total));
    let tally = Mutex::new((0u32, Soaked::default(), Vec::<String>::new()));
    let next = std::sync::atomic::AtomicU32::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1).min(total.max(1) as usize) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if index >= total {
                        break;
                    }
                    let seed = game_seed(base, index);
                    let names: [String; 2] = if index < args.games {
                        PAIRS[index as usize % PAIRS.len()].map(str::to_owned)
                    } else if index.is_multiple_of(2) {
                        [args.ai.clone(), "random".to_owned()]
                    } else {
                        ["hawk".to_owned(), args.ai.clone()]
                    };
                    let result = soak_one(&scn, seed, &names);
                    if let Ok(mut t) = tally.lock() {
                        t.0 += 1;
                        match result {
                            Ok(s) => {
                                t.1.turns += s.turns;
                                t.1.checks += s.checks;
                            }
                            Err(why) => t.2.push(why),
                        }
                        if let Ok(mut p) = progress.lock() {
                            p.set(t.0);
                        }
                    }
                }
            });
        }
    });
    if let Ok(mut p) = progress.lock() {
        p.finish();
    }
    let (games, soaked, failures) = tally.into_inner().unwrap_or_default();
    println!(
        "soak: {games} games ({} rule-based, {} with {}), {} turns, {} invariant checks, {} save/load round trips, {} failure(s)",
        args.games,
        args.ai_games,
        args.ai,
        soaked.turns,
        soaked.checks,
        games,
        failures.len()
    );
    for why in failures.iter().take(20) {
        println!("  {}", crate::terminal::escape(why));
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
