//! `demarche batch`: many games, summarized.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Mutex;

use demarche_sim::batch::{GameResult, stream};
use demarche_sim::{Scenario, Side};
use serde_json::{Map, Value, json};

use super::load_scenario;
use crate::args::BatchArgs;
use crate::error::CliError;
use crate::progress::Progress;
use crate::terminal::escape;
use crate::{json as js, policies};

/// Per-game scores are listed (in game order) for batches up to this size; larger batches give
/// their means only, so memory does not grow with `--games`.
pub const MAX_LISTED_GAMES: u32 = 10_000;

/// What a batch found, gathered game by game. Games finish in any order on several threads;
/// they are folded in game order (a few finished games wait for the ones before them), so the
/// sums, and so the means, never depend on the number of threads.
#[derive(Default)]
pub struct Summary {
    /// Games played.
    pub games: usize,
    /// Outcome id to count (games with no outcome count as `none`).
    pub outcomes: BTreeMap<String, usize>,
    /// Sum of every numeric final indicator.
    sums: BTreeMap<String, f64>,
    /// Sum of each game's highest rung.
    rung_sum: f64,
    /// Sum of each side's scores.
    score_sums: [f64; 2],
    /// Each game's scores, in game order, while the batch is small enough to list them.
    listed: Option<Vec<[f64; 2]>>,
    /// Finished games waiting for an earlier one, by game index.
    waiting: BTreeMap<u32, Finished>,
    /// The index of the next game to fold in.
    next: u32,
}

/// What the summary keeps of one finished game until it is folded in.
struct Finished {
    outcome: String,
    indicators: Vec<(String, f64)>,
    max_rung: u8,
    scores: [f64; 2],
}

impl Summary {
    /// An empty summary for a batch of `games` games.
    pub fn new(games: u32) -> Summary {
        Summary {
            listed: (games <= MAX_LISTED_GAMES).then(Vec::new),
            ..Summary::default()
        }
    }

    /// Adds one finished game (in any order).
    pub fn add(&mut self, scn: &Scenario, result: &GameResult) {
        let view = result.state.view(scn);
        let finished = Finished {
            outcome: result
                .outcome()
                .map_or("none".to_owned(), |o| scn.outcomes[o.index()].key.clone()),
            indicators: js::indicators(&view)
                .into_iter()
                .filter_map(|(key, value)| Some((key, value.as_f64()?)))
                .collect(),
            max_rung: result.max_rung(),
            scores: result.scores(),
        };
        self.waiting.insert(result.index, finished);
        while let Some(game) = self.waiting.remove(&self.next) {
            self.fold(game);
            self.next += 1;
        }
    }

    fn fold(&mut self, game: Finished) {
        self.games += 1;
        *self.outcomes.entry(game.outcome).or_insert(0) += 1;
        for (key, value) in game.indicators {
            *self.sums.entry(key).or_insert(0.0) += value;
        }
        self.rung_sum += f64::from(game.max_rung);
        for side in Side::BOTH {
            self.score_sums[side.index()] += game.scores[side.index()];
        }
        if let Some(list) = &mut self.listed {
            list.push(game.scores);
        }
    }

    /// Mean of every numeric final indicator.
    pub fn mean_indicators(&self) -> BTreeMap<String, f64> {
        let n = self.games.max(1) as f64;
        self.sums.iter().map(|(k, v)| (k.clone(), v / n)).collect()
    }

    /// Mean of each game's highest rung.
    pub fn mean_max_rung(&self) -> f64 {
        self.rung_sum / self.games.max(1) as f64
    }

    /// A side's mean score.
    pub fn mean_score(&self, side: Side) -> f64 {
        self.score_sums[side.index()] / self.games.max(1) as f64
    }

    /// A side's scores in game order, when the batch was small enough to list them.
    pub fn scores(&self, side: Side) -> Option<Vec<f64>> {
        let list = self.listed.as_ref()?;
        Some(list.iter().map(|s| s[side.index()]).collect())
    }
}

/// Runs the batch and prints the summary.
pub fn run(args: &BatchArgs) -> Result<ExitCode, CliError> {
    if args.compare {
        return super::compare::run(args);
    }
    if args.ladder {
        return super::ladder::run(args);
    }
    let scn = load_scenario(&args.scenario)?;
    let names = policies::names(&scn, &args.policies)?;
    let base = args.seed.unwrap_or(scn.meta.default_seed);
    let threads = super::worker_threads(args.threads);
    let progress = Mutex::new(Progress::new(args.games));
    let make = |seed| policies::build_pair(&names, seed).expect("policy names were checked");
    let summary = Mutex::new(Summary::new(args.games));
    stream(scn.clone(), args.games, base, threads, make, |result| {
        if let Ok(mut s) = summary.lock() {
            s.add(&scn, &result);
            if let Ok(mut p) = progress.lock() {
                p.set(s.games as u32);
            }
        }
    });
    if let Ok(mut p) = progress.lock() {
        p.finish();
    }
    let summary = summary.into_inner().unwrap_or_default();
    let side_key = |s: Side| scn.actor(scn.actor_of(s)).key.clone();
    if args.json {
        let mut mean_score = Map::new();
        let mut scores = Map::new();
        let mut policies_map = Map::new();
        for side in Side::BOTH {
            mean_score.insert(side_key(side), json!(summary.mean_score(side)));
            if let Some(list) = summary.scores(side) {
                scores.insert(side_key(side), json!(list));
            }
            policies_map.insert(side_key(side), json!(names[side.index()]));
        }
        let value = json!({
            "games": summary.games,
            "seed": base,
            "policies": policies_map,
            "outcomes": summary.outcomes,
            "mean_indicators": summary.mean_indicators().iter().map(|(k, v)| (k.clone(), json!((v * 100.0).round() / 100.0))).collect::<Map<String, Value>>(),
            "mean_max_rung": summary.mean_max_rung(),
            "mean_score": mean_score,
            "scores": scores,
        });
        println!("{value}");
    } else {
        println!(
            "{} games of \"{}\" · seed {base} · {} {} vs {} {}",
            summary.games,
            escape(&scn.meta.title),
            side_key(Side::First),
            names[0],
            side_key(Side::Second),
            names[1]
        );
        println!("outcomes:");
        for (name, count) in &summary.outcomes {
            let label = scn
                .outcomes
                .iter()
                .find(|o| &o.key == name)
                .map_or(name.as_str(), |o| o.name.as_str());
            let label = escape(label);
            println!(
                "  {label:<32} {count:>5}  ({:.1}%)",
                100.0 * *count as f64 / summary.games.max(1) as f64
            );
        }
        println!(
            "mean highest escalation rung: {:.2}",
            summary.mean_max_rung()
        );
        for side in Side::BOTH {
            println!(
                "mean score {}: {:.1}",
                side_key(side),
                summary.mean_score(side)
            );
        }
        println!("mean final indicators:");
        for (key, value) in &summary.mean_indicators() {
            println!("  {key:<28} {value:>9.2}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The mean of a list (0 when empty).
pub fn mean(list: &[f64]) -> f64 {
    if list.is_empty() {
        0.0
    } else {
        list.iter().sum::<f64>() / list.len() as f64
    }
}
