//! `demarche batch`: many games, summarized.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Mutex;

use demarche_sim::batch::{GameResult, run as run_batch};
use demarche_sim::{Scenario, Side};
use serde_json::{Map, Value, json};

use super::load_scenario;
use crate::args::BatchArgs;
use crate::error::CliError;
use crate::progress::Progress;
use crate::{json as js, policies};

/// What a batch found.
pub struct Summary {
    /// Games played.
    pub games: usize,
    /// Outcome name to count (games with no outcome count as `none`).
    pub outcomes: BTreeMap<String, usize>,
    /// Mean of every numeric final indicator.
    pub mean_indicators: BTreeMap<String, f64>,
    /// Mean of each game's highest rung.
    pub mean_max_rung: f64,
    /// Each side's scores in game order.
    pub scores: [Vec<f64>; 2],
}

/// Summarizes the results of a batch.
pub fn summarize(scn: &Scenario, results: &[GameResult]) -> Summary {
    let mut outcomes = BTreeMap::new();
    let mut sums: BTreeMap<String, f64> = BTreeMap::new();
    for result in results {
        let name = result
            .outcome()
            .map_or("none".to_owned(), |o| scn.outcomes[o.index()].key.clone());
        *outcomes.entry(name).or_insert(0) += 1;
        let view = result.state.view(scn);
        for (key, value) in js::indicators(&view) {
            if let Some(x) = value.as_f64() {
                *sums.entry(key).or_insert(0.0) += x;
            }
        }
    }
    let n = results.len().max(1) as f64;
    Summary {
        games: results.len(),
        outcomes,
        mean_indicators: sums.into_iter().map(|(k, v)| (k, v / n)).collect(),
        mean_max_rung: results.iter().map(|r| f64::from(r.max_rung())).sum::<f64>() / n,
        scores: [
            results.iter().map(|r| r.scores()[0]).collect(),
            results.iter().map(|r| r.scores()[1]).collect(),
        ],
    }
}

/// Runs the batch and prints the summary.
pub fn run(args: &BatchArgs) -> Result<ExitCode, CliError> {
    if args.compare {
        return super::compare::run(args);
    }
    let scn = load_scenario(&args.scenario)?;
    let names = policies::names(&scn, &args.policies)?;
    let base = args.seed.unwrap_or(scn.meta.default_seed);
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let progress = Mutex::new(Progress::new(args.games));
    let make = |seed| policies::build_pair(&names, seed).expect("policy names were checked");
    let results = run_batch(scn.clone(), args.games, base, threads, make, |done| {
        if let Ok(mut p) = progress.lock() {
            p.set(done);
        }
    });
    if let Ok(mut p) = progress.lock() {
        p.finish();
    }
    let summary = summarize(&scn, &results);
    let side_key = |s: Side| scn.actor(scn.actor_of(s)).key.clone();
    if args.json {
        let mut mean_score = Map::new();
        let mut scores = Map::new();
        let mut policies_map = Map::new();
        for side in Side::BOTH {
            let list = &summary.scores[side.index()];
            mean_score.insert(side_key(side), json!(mean(list)));
            scores.insert(side_key(side), json!(list));
            policies_map.insert(side_key(side), json!(names[side.index()]));
        }
        let value = json!({
            "games": summary.games,
            "seed": base,
            "policies": policies_map,
            "outcomes": summary.outcomes,
            "mean_indicators": summary.mean_indicators.iter().map(|(k, v)| (k.clone(), json!((v * 100.0).round() / 100.0))).collect::<Map<String, Value>>(),
            "mean_max_rung": summary.mean_max_rung,
            "mean_score": mean_score,
            "scores": scores,
        });
        println!("{value}");
    } else {
        println!(
            "{} games of \"{}\" · seed {base} · {} {} vs {} {}",
            summary.games,
            scn.meta.title,
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
            println!(
                "  {label:<32} {count:>5}  ({:.1}%)",
                100.0 * *count as f64 / summary.games.max(1) as f64
            );
        }
        println!("mean highest escalation rung: {:.2}", summary.mean_max_rung);
        for side in Side::BOTH {
            println!(
                "mean score {}: {:.1}",
                side_key(side),
                mean(&summary.scores[side.index()])
            );
        }
        println!("mean final indicators:");
        for (key, value) in &summary.mean_indicators {
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
