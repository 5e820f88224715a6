//! `demarche batch --compare`: the AI against the baselines, game by game. Game i of every batch
//! has the same seed whatever the policies, so the AI's score in a seat can be compared with
//! another policy's score in the same seat against the same opponent in the same game. The
//! paired batches themselves ([`Pairing`]) serve `batch --ladder` too.

use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use demarche_sim::batch::{GameResult, stream};
use demarche_sim::{Scenario, Side};
use serde_json::json;

use super::batch::mean;
use super::load_scenario;
use crate::args::BatchArgs;
use crate::error::CliError;
use crate::policies;
use crate::progress::Progress;

/// The baselines the AI is compared with, and the rate it should reach against each.
pub const BASELINES: [(&str, f64); 3] = [("random", 0.9), ("hawk", 0.6), ("dove", 0.6)];

/// Wilson's 95 % interval for `wins` out of `n`.
pub fn wilson(wins: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (n, p, z) = (n as f64, wins as f64 / n as f64, 1.96f64);
    let denominator = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// One row of the comparison.
pub struct Row {
    /// The seat (side) compared.
    pub seat: Side,
    /// The opponent in the other seat.
    pub opponent: String,
    /// The baseline policy.
    pub baseline: String,
    /// Games where the AI scored more than the baseline.
    pub wins: usize,
    /// Games where both scored the same (not wins: the AI must outscore the baseline).
    pub ties: usize,
    /// Games compared.
    pub games: usize,
    /// The AI's mean score.
    pub ai_mean: f64,
    /// The baseline's mean score.
    pub baseline_mean: f64,
    /// The rate the AI should reach.
    pub target: f64,
}

/// Most games per row: each row keeps one score per game for the pairing.
const MAX_GAMES: u32 = 1_000_000;

/// One game of a pairing's batch, as its seat ended it.
#[derive(Clone, Debug)]
pub struct SeatGame {
    /// The seat's final score.
    pub score: f64,
    /// The final degree of every objective of the scenario, both sides', in file order.
    pub degrees: Vec<f64>,
}

/// The paired games of a comparison: the scenario, how many games, their base seed, the
/// worker threads and the progress shown across every batch of the comparison.
pub struct Pairing {
    /// The scenario played.
    pub scn: Arc<Scenario>,
    /// Games per batch.
    pub games: u32,
    /// Base seed: game i of every batch has the same seed.
    pub base: u64,
    /// Worker threads.
    threads: usize,
    /// Progress over all the batches.
    progress: Mutex<Progress>,
    /// Batches already played (for the progress shown).
    done: u32,
}

impl Pairing {
    /// The pairing of `option` (`--compare`, `--ladder`) for `args`, which will play `batches`
    /// batches: refused with fewer than `least` games to compare, or more than it can keep.
    pub fn new(
        scn: &Arc<Scenario>,
        args: &BatchArgs,
        option: &str,
        least: u32,
        batches: usize,
    ) -> Result<Pairing, CliError> {
        let games = args.games;
        if games < least {
            let plural = if least == 1 { "" } else { "s" };
            return Err(CliError::Usage(format!(
                "{option} compares policies game by game and needs at least {least} game{plural} \
                 per row (--games {least} or more; 100 gives intervals of a few points)"
            )));
        }
        if games > MAX_GAMES {
            return Err(CliError::Usage(format!(
                "{option} pairs every game with its twin and keeps each score: at most {MAX_GAMES} games"
            )));
        }
        Ok(Pairing {
            scn: scn.clone(),
            games,
            base: args.seed.unwrap_or(scn.meta.default_seed),
            threads: super::worker_threads(args.threads),
            progress: Mutex::new(Progress::new(games.saturating_mul(batches as u32))),
            done: 0,
        })
    }

    /// Clears the progress shown.
    pub fn finish(&self) {
        if let Ok(mut p) = self.progress.lock() {
            p.finish();
        }
    }

    /// Plays one batch, `contender` in `seat` and `opponent` in the other, and returns each
    /// game's score in `seat`, in game order (game i on the same seed in every batch).
    pub fn seat_scores(&mut self, seat: Side, contender: &str, opponent: &str) -> Vec<f64> {
        self.seat_batch(seat, contender, opponent, f64::NAN, |result| {
            result.scores()[seat.index()]
        })
    }

    /// Plays one batch as [`Pairing::seat_scores`] does, and returns each game's score in `seat`
    /// with the degree of every objective at the end, in game order.
    pub fn seat_games(&mut self, seat: Side, contender: &str, opponent: &str) -> Vec<SeatGame> {
        let unplayed = SeatGame {
            score: f64::NAN,
            degrees: Vec::new(),
        };
        self.seat_batch(seat, contender, opponent, unplayed, |result| SeatGame {
            score: result.scores()[seat.index()],
            degrees: result.state.status.objectives.clone(),
        })
    }

    /// Plays one batch, `contender` in `seat` and `opponent` in the other, and keeps what `kept`
    /// takes of each game, in game order (`unplayed` for a game that did not report).
    fn seat_batch<T: Clone + Send>(
        &mut self,
        seat: Side,
        contender: &str,
        opponent: &str,
        unplayed: T,
        kept: impl Fn(&GameResult) -> T + Sync,
    ) -> Vec<T> {
        let mut names = [opponent.to_owned(), opponent.to_owned()];
        names[seat.index()] = contender.to_owned();
        let make = |seed| policies::build_pair(&names, seed).expect("policy names were checked");
        let offset = self.done * self.games;
        let progress = &self.progress;
        let list = Mutex::new((vec![unplayed; self.games as usize], 0u32));
        stream(
            self.scn.clone(),
            self.games,
            self.base,
            self.threads,
            make,
            |result| {
                if let Ok(mut guard) = list.lock() {
                    let (games, done) = &mut *guard;
                    games[result.index as usize] = kept(&result);
                    *done += 1;
                    if let Ok(mut p) = progress.lock() {
                        p.set(offset + *done);
                    }
                }
            },
        );
        self.done += 1;
        list.into_inner().map(|(list, _)| list).unwrap_or_default()
    }
}

/// Runs the paired comparison and prints it.
pub fn run(args: &BatchArgs) -> Result<ExitCode, CliError> {
    let scn = load_scenario(&args.scenario)?;
    let opponents = args.opponents_or(&["hawk", "historical"]);
    policies::check(&scn, &args.ai)?;
    for opponent in &opponents {
        policies::check(&scn, opponent)?;
    }
    let batches = 2 * opponents.len() * (1 + BASELINES.len());
    let mut pairing = Pairing::new(&scn, args, "--compare", 1, batches)?;
    let (games, base) = (pairing.games, pairing.base);
    let mut rows = Vec::new();
    for seat in Side::BOTH {
        for opponent in &opponents {
            let contenders: Vec<String> = std::iter::once(args.ai.clone())
                .chain(BASELINES.iter().map(|(b, _)| (*b).to_owned()))
                .collect();
            let scores: Vec<(String, Vec<f64>)> = contenders
                .into_iter()
                .map(|contender| {
                    let list = pairing.seat_scores(seat, &contender, opponent);
                    (contender, list)
                })
                .collect();
            let ai = &scores[0].1;
            for ((baseline, list), (_, target)) in scores[1..].iter().zip(BASELINES) {
                let wins = ai.iter().zip(list).filter(|(a, b)| a > b).count();
                let ties = ai
                    .iter()
                    .zip(list)
                    .filter(|(a, b)| (*a - *b).abs() < 1e-9)
                    .count();
                rows.push(Row {
                    seat,
                    opponent: opponent.clone(),
                    baseline: baseline.clone(),
                    wins,
                    ties,
                    games: ai.len(),
                    ai_mean: mean(ai),
                    baseline_mean: mean(list),
                    target,
                });
            }
        }
    }
    pairing.finish();
    let seat_name = |s: Side| scn.actor(scn.actor_of(s)).key.clone();
    if args.json {
        let rows: Vec<_> = rows
            .iter()
            .map(|r| {
                let (low, high) = wilson(r.wins, r.games);
                json!({
                    "seat": seat_name(r.seat),
                    "opponent": r.opponent,
                    "baseline": r.baseline,
                    "rate": r.wins as f64 / r.games.max(1) as f64,
                    "ties": r.ties,
                    "low": low,
                    "high": high,
                    "target": r.target,
                    "met": r.wins as f64 / r.games.max(1) as f64 >= r.target,
                    "ai_mean_score": r.ai_mean,
                    "baseline_mean_score": r.baseline_mean,
                })
            })
            .collect();
        println!(
            "{}",
            json!({"games": games, "seed": base, "ai": args.ai, "rows": rows})
        );
    } else {
        println!(
            "{} against the baselines, {games} paired games per row (seed {base}); \
             a tie is not a win",
            args.ai
        );
        println!(
            "{:<6} {:<11} {:<8} {:>7} {:>17} {:>7} {:>16} {:>5}",
            "seat", "opponent", "vs", "rate", "95% CI", "target", "mean scores", "ties"
        );
        for r in &rows {
            let (low, high) = wilson(r.wins, r.games);
            let rate = r.wins as f64 / r.games.max(1) as f64;
            println!(
                "{:<6} {:<11} {:<8} {:>6.0}% {:>7.0}% – {:>4.0}% {:>6.0}%{} {:>6.1} vs {:>5.1} {:>5}",
                seat_name(r.seat),
                r.opponent,
                r.baseline,
                rate * 100.0,
                low * 100.0,
                high * 100.0,
                r.target * 100.0,
                if rate >= r.target { "✓" } else { "✗" },
                r.ai_mean,
                r.baseline_mean,
                r.ties
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_intervals_are_sensible() {
        let (low, high) = wilson(90, 100);
        assert!(
            low > 0.82 && low < 0.85 && high > 0.94 && high < 0.96,
            "{low} {high}"
        );
        assert_eq!(wilson(0, 0), (0.0, 1.0));
        let (low, high) = wilson(10, 10);
        assert!(low > 0.69 && high == 1.0);
    }
}
