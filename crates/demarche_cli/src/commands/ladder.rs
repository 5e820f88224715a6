//! `demarche batch --ladder`: the AI's difficulties against each other, game by game. The AI of
//! one personality plays easy, normal and hard in the same seat against the same opponent on the
//! same game seeds, so each step up the ladder is a paired difference with its own interval.

use std::process::ExitCode;

use demarche_ai::{AiSpec, Difficulty};
use demarche_sim::Side;
use serde_json::json;

use super::batch::mean;
use super::compare::{Pairing, SeatGame};
use super::load_scenario;
use crate::args::BatchArgs;
use crate::balance::paired_difference;
use crate::error::CliError;
use crate::policies;

/// The rungs of the ladder, lowest first.
const RUNGS: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard];

/// One step up the ladder: the mean of the higher rung's score minus the lower's, game by game,
/// with its 95 % interval (Student's t).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// Mean paired difference.
    pub mean: f64,
    /// Lower end of the 95 % interval.
    pub low: f64,
    /// Upper end of the 95 % interval.
    pub high: f64,
}

impl Step {
    /// The step from `lower`'s scores to `higher`'s, paired game by game.
    pub fn between(higher: &[f64], lower: &[f64]) -> Step {
        let (mean, low, high) = paired_difference(higher, lower);
        Step { mean, low, high }
    }

    /// Whether the higher rung is better beyond the interval: the whole interval lies above 0.
    pub fn beyond(&self) -> bool {
        self.low > 0.0
    }
}

/// One row of the ladder: a seat, an opponent, each rung's mean score and the two steps.
pub struct Row {
    /// The seat (side) the AI plays.
    pub seat: Side,
    /// The opponent in the other seat.
    pub opponent: String,
    /// Mean score of easy, normal and hard, in that order.
    pub means: [f64; 3],
    /// Normal − easy.
    pub normal_easy: Step,
    /// Hard − normal.
    pub hard_normal: Step,
    /// The seat's objectives (their ids) with their mean degree at the end at easy, normal and
    /// hard: what the rungs differ on, and what every rung meets alike.
    pub objectives: Vec<(String, [f64; 3])>,
}

/// Runs the ladder and prints it.
pub fn run(args: &BatchArgs) -> Result<ExitCode, CliError> {
    let scn = load_scenario(&args.scenario)?;
    policies::check(&scn, &args.ai)?;
    let spec: AiSpec = args
        .ai
        .parse()
        .map_err(|e: demarche_ai::SpecError| CliError::Policy(e.to_string()))?;
    let rung = |difficulty| {
        AiSpec {
            difficulty,
            ..spec.clone()
        }
        .to_string()
    };
    let opponents = args.opponents_or(&[rung(Difficulty::Normal).as_str()]);
    for opponent in &opponents {
        policies::check(&scn, opponent)?;
    }
    let batches = 2 * opponents.len() * RUNGS.len();
    // A paired interval needs two differences at least.
    let mut pairing = Pairing::new(&scn, args, "--ladder", 2, batches)?;
    let (games, base) = (pairing.games, pairing.base);
    let mut rows = Vec::new();
    for seat in Side::BOTH {
        for opponent in &opponents {
            let rungs =
                RUNGS.map(|difficulty| pairing.seat_games(seat, &rung(difficulty), opponent));
            let [easy, normal, hard] = rungs
                .each_ref()
                .map(|games| games.iter().map(|g| g.score).collect::<Vec<f64>>());
            rows.push(Row {
                seat,
                opponent: opponent.clone(),
                means: [mean(&easy), mean(&normal), mean(&hard)],
                normal_easy: Step::between(&normal, &easy),
                hard_normal: Step::between(&hard, &normal),
                objectives: seat_objectives(&scn, seat, &rungs),
            });
        }
    }
    pairing.finish();
    let seat_name = |s: Side| scn.actor(scn.actor_of(s)).key.clone();
    let personality = &spec.personality;
    if args.json {
        let step =
            |s: &Step| json!({"mean": s.mean, "low": s.low, "high": s.high, "beyond": s.beyond()});
        let rows: Vec<_> = rows
            .iter()
            .map(|r| {
                json!({
                    "seat": seat_name(r.seat),
                    "opponent": r.opponent,
                    "easy": r.means[0],
                    "normal": r.means[1],
                    "hard": r.means[2],
                    "normal_minus_easy": step(&r.normal_easy),
                    "hard_minus_normal": step(&r.hard_normal),
                    "objectives": r.objectives.iter().map(|(id, degrees)| {
                        let [easy, normal, hard] = degrees;
                        json!({"id": id, "easy": easy, "normal": normal, "hard": hard,
                               "alike": alike(degrees)})
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!(
            "{}",
            json!({"games": games, "seed": base, "personality": personality, "rows": rows})
        );
    } else {
        println!(
            "ai:{personality} at easy, normal and hard in the same seat, {games} paired games per \
             row (seed {base}); a step is ✓ when its whole 95 % interval is above zero"
        );
        println!(
            "{:<6} {:<20} {:>6} {:>7} {:>6}   {:<26} {:<26}",
            "seat", "opponent", "easy", "normal", "hard", "normal − easy", "hard − normal"
        );
        for r in &rows {
            println!(
                "{:<6} {:<20} {:>6.1} {:>7.1} {:>6.1}   {:<26} {:<26}",
                seat_name(r.seat),
                r.opponent,
                r.means[0],
                r.means[1],
                r.means[2],
                shown(&r.normal_easy),
                shown(&r.hard_normal),
            );
        }
        println!(
            "\neach objective's mean degree at the end (0 to 1) at easy, normal and hard; \
             \"alike\" where the rungs differ by less than 0.02"
        );
        for r in &rows {
            println!("{} against {}", seat_name(r.seat), r.opponent);
            for (id, degrees) in &r.objectives {
                println!(
                    "  {id:<28} {:>5.2} {:>6.2} {:>5.2}{}",
                    degrees[0],
                    degrees[1],
                    degrees[2],
                    if alike(degrees) { "   alike" } else { "" }
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Below this spread of mean degree across the rungs, an objective is shown as met alike.
const ALIKE: f64 = 0.02;

/// Whether the rungs meet an objective alike: their mean degrees differ by less than [`ALIKE`].
fn alike(degrees: &[f64; 3]) -> bool {
    let high = degrees.iter().copied().fold(f64::MIN, f64::max);
    let low = degrees.iter().copied().fold(f64::MAX, f64::min);
    high - low < ALIKE
}

/// The seat's objectives, each with its mean degree at the end of the games of each rung.
fn seat_objectives(
    scn: &demarche_sim::Scenario,
    seat: Side,
    rungs: &[Vec<SeatGame>; 3],
) -> Vec<(String, [f64; 3])> {
    let actor = scn.actor_of(seat);
    scn.objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| o.side == actor)
        .map(|(i, o)| {
            let degrees = rungs.each_ref().map(|games| {
                let of_game: Vec<f64> = games
                    .iter()
                    .map(|g| g.degrees.get(i).copied().unwrap_or(f64::NAN))
                    .collect();
                mean(&of_game)
            });
            (o.key.clone(), degrees)
        })
        .collect()
}

/// A step as `+1.4 [−1.6, +4.4] ✗`.
fn shown(step: &Step) -> String {
    format!(
        "{} [{}, {}] {}",
        signed(step.mean),
        signed(step.low),
        signed(step.high),
        if step.beyond() { "✓" } else { "✗" }
    )
}

/// `x` to a tenth with its sign, a true minus for negatives and `+0.0` for what rounds to zero.
fn signed(x: f64) -> String {
    let tenths = (x * 10.0).round();
    if tenths < 0.0 {
        format!("−{:.1}", -tenths / 10.0)
    } else {
        format!("+{:.1}", tenths.abs() / 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_beyond_its_interval_only_when_all_of_it_is_above_zero() {
        // Every game one point better: the interval is a point, above zero.
        let lower = [80.0, 85.0, 90.0, 70.0];
        let higher = lower.map(|x| x + 1.0);
        let step = Step::between(&higher, &lower);
        assert!((step.mean - 1.0).abs() < 1e-12 && step.beyond());
        // Better by 1 on average but worse in some games: the interval reaches below zero.
        let mixed = [84.0, 80.0, 95.0, 70.0];
        let step = Step::between(&mixed, &lower);
        assert!((step.mean - 1.0).abs() < 1e-12, "{step:?}");
        assert!(
            step.low < 0.0 && step.high > 1.0 && !step.beyond(),
            "{step:?}"
        );
        // Worse in every game: never beyond.
        assert!(!Step::between(&lower, &higher).beyond());
        assert_eq!(
            shown(&Step::between(&higher, &lower)),
            "+1.0 [+1.0, +1.0] ✓"
        );
        assert_eq!(
            [signed(-1.64), signed(-0.04), signed(0.0), signed(4.45)],
            ["−1.6", "+0.0", "+0.0", "+4.5"]
        );
    }

    #[test]
    fn an_objective_is_met_alike_only_when_every_rung_is_within_the_margin() {
        assert!(alike(&[1.0, 1.0, 1.0]));
        assert!(alike(&[0.25, 0.26, 0.26]));
        assert!(!alike(&[0.94, 1.0, 1.0]), "easy's lost gas customer shows");
        assert!(!alike(&[1.0, 0.79, 0.77]));
    }
}
