//! The AI's view of its objectives: the scenario's conditions with gentler slopes, so a
//! look-ahead of a turn or two can tell a move that brings an objective closer (or keeps a safer
//! margin above its line) from one that does not. The game's own score is unchanged.
//!
//! A look-ahead of a few turns also shows how fast each quantity is moving once the bundle's
//! own turn is past (a [`Trend`]): a lever whose worth is a steady drift (a threat that holds
//! the other side back turn after turn) would look small if only its first turns counted, so the
//! guess of where a quantity ends carries that drift on, fading, into the turns left.

use demarche_sim::ActorId;
use demarche_sim::rules::View;
use demarche_sim::scenario::{Condition, Quantity};

/// How much a quantity moves in one turn, for the AI's guess of where it ends: 4 points on the
/// 0–100 scales, half a rung, 4 % of the line for trade and 0.04 for beliefs; the turn number is
/// certain.
fn volatility(q: &Quantity, line: f64) -> f64 {
    match q {
        Quantity::Turn => 0.0,
        Quantity::Rung | Quantity::MaxRung => 0.5,
        Quantity::Trade => 0.04 * line.abs().max(1.0),
        Quantity::Belief(_) => 0.04,
        _ => 2.5,
    }
}

/// How much of a turn's drift carries into the next one: trends fade with a half-life of about
/// three turns (0.8³ ≈ 0.5), so a drift seen in the look-ahead adds at most four turns' worth
/// (0.8 / 0.2) to where a quantity ends. A design choice: long enough that a sustained lever
/// counts, short enough that the noise of a few sampled turns is not carried to the game's end.
const PERSISTENCE: f64 = 0.8;

/// The turns' worth of drift still to come when `left` turns remain: Σ ρᵏ for k = 1..left.
fn carried(left: u32) -> f64 {
    PERSISTENCE * (1.0 - PERSISTENCE.powi(left as i32)) / (1.0 - PERSISTENCE)
}

/// Where the objectives' quantities stood at an earlier turn of a look-ahead: compared with
/// where they stand at its end, it gives each quantity's drift per turn.
#[derive(Clone, Debug, Default)]
pub struct Trend {
    /// Each threshold's quantity, the actor it is read for, and its value then.
    earlier: Vec<(Quantity, Option<ActorId>, f64)>,
    /// The turn it was marked in.
    since: u32,
}

impl Trend {
    /// No trend: quantities are expected to wander without drift.
    pub fn none() -> Trend {
        Trend::default()
    }

    /// Notes every objective's threshold quantities in `view`, to be compared with a later view.
    pub fn mark(view: &View) -> Trend {
        let mut earlier = Vec::new();
        for objective in &view.scn.objectives {
            let actor = Some(objective.side);
            each_threshold(&objective.condition, &mut |q| {
                if !matches!(q, Quantity::Turn)
                    && !earlier.iter().any(|(e, a, _)| e == q && *a == actor)
                {
                    earlier.push((q.clone(), actor, view.quantity(q, actor)));
                }
            });
        }
        Trend {
            earlier,
            since: view.clock.turn,
        }
    }

    /// The drift per turn of `q` (read for `actor`), at `now` in `turn`: 0 without a trend or
    /// before a turn has passed since the mark.
    fn drift(&self, q: &Quantity, actor: Option<ActorId>, now: f64, turn: u32) -> f64 {
        let turns = turn.saturating_sub(self.since);
        if turns == 0 {
            return 0.0;
        }
        self.earlier
            .iter()
            .find(|(e, a, _)| e == q && *a == actor)
            .map_or(0.0, |(_, _, then)| (now - then) / f64::from(turns))
    }
}

/// Calls `f` with the quantity of every threshold in `condition`, as [`degree`] reads them.
fn each_threshold(condition: &Condition, f: &mut dyn FnMut(&Quantity)) {
    match condition {
        Condition::All(items) | Condition::Any(items) => {
            items.iter().for_each(|c| each_threshold(c, f));
        }
        Condition::Not(inner) => {
            if let Some(opposite) = demarche_sim::rules::eval::negate(inner) {
                each_threshold(&opposite, f);
            }
        }
        Condition::AtLeast(q, _) | Condition::AtMost(q, _) => f(q),
        _ => {}
    }
}

/// The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 2e-7).
fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// The standard normal density.
fn normal_pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// The game's own credit for a threshold: 1 at or past the line, falling to 0 over `band`.
fn credit(excess: f64, band: f64) -> f64 {
    (1.0 + excess / band).clamp(0.0, 1.0)
}

/// The expected final credit of a threshold objective whose quantity now stands `excess` past
/// its line and may still wander by `spread` (one standard deviation) before the game ends.
fn expected_credit(excess: f64, spread: f64, band: f64) -> f64 {
    if spread < 1e-9 {
        return credit(excess, band);
    }
    // E[credit] = (s/m)·(G((e+m)/s) − G(e/s)) with G(u) = u·Φ(u) + φ(u).
    let g = |u: f64| u * normal_cdf(u) + normal_pdf(u);
    ((spread / band) * (g((excess + band) / spread) - g(excess / spread))).clamp(0.0, 1.0)
}

/// A condition's expected degree at the end of the game, 0 to 1: thresholds count the chance
/// that the quantity still crosses its line in the turns left (carrying on its `trend`, fading),
/// with partial credit over `band` (the objective's own margin, as the game scores it);
/// everything else is 0 or 1.
pub fn degree(
    view: &View,
    trend: &Trend,
    condition: &Condition,
    actor: Option<ActorId>,
    band: f64,
) -> f64 {
    let left = view.turns_left();
    let ahead = carried(left);
    let threshold = |q: &Quantity, sign: f64, line: f64| {
        let now = view.quantity(q, actor);
        let expected = now + trend.drift(q, actor, now, view.clock.turn) * ahead;
        let excess = sign * (expected - line);
        expected_credit(excess, volatility(q, line) * f64::from(left).sqrt(), band)
    };
    match condition {
        Condition::All(items) => items
            .iter()
            .map(|c| degree(view, trend, c, actor, band))
            .fold(1.0, f64::min),
        Condition::Any(items) => items
            .iter()
            .map(|c| degree(view, trend, c, actor, band))
            .fold(0.0, f64::max),
        Condition::Not(inner) => match demarche_sim::rules::eval::negate(inner) {
            Some(opposite) => degree(view, trend, &opposite, actor, band),
            None => f64::from(u8::from(!view.holds(inner, actor))),
        },
        Condition::AtLeast(q, v) => threshold(q, 1.0, *v),
        Condition::AtMost(q, v) => threshold(q, -1.0, *v),
        other => f64::from(u8::from(view.holds(other, actor))),
    }
}

/// Each objective's shaped degree (by objective index; other sides' objectives too), each
/// quantity carrying on its `trend`.
pub fn objectives(view: &View, trend: &Trend) -> Vec<f64> {
    view.scn
        .objectives
        .iter()
        .map(|o| {
            let band = o.margin.unwrap_or(view.scn.params.objective_margin);
            degree(view, trend, &o.condition, Some(o.side), band)
        })
        .collect()
}

/// A side's shaped score, 0–100.
pub fn score(view: &View, actor: ActorId, degrees: &[f64]) -> f64 {
    let (sum, weight) = view
        .scn
        .objectives
        .iter()
        .enumerate()
        .zip(degrees)
        .filter(|((_, o), _)| o.side == actor)
        .fold((0.0, 0.0), |(s, w), ((i, _), d)| {
            let weight = view.status.weight(view.scn, i);
            (s + weight * d, w + weight)
        });
    if weight > 0.0 {
        100.0 * sum / weight
    } else {
        0.0
    }
}

/// A side's shaped score at the end of a look-ahead, discounted for the chance that the tension
/// left there turns into an armed clash before the game ends: the game's own incident and
/// clash risks, compounded over the turns that remain.
pub fn expected_score(view: &View, trend: &Trend, actor: ActorId, degrees: &[f64]) -> f64 {
    let now = score(view, actor, degrees);
    if view.mil.clash {
        return now;
    }
    let p = &view.scn.params;
    let per_turn = demarche_sim::rules::incidents::incident_risk(
        view.ind.tension,
        0.0,
        view.dip.back_channel,
        p,
    ) * demarche_sim::rules::incidents::clash_risk(view.ind.tension, p);
    let hazard = 1.0 - (1.0 - per_turn).powi(view.turns_left() as i32);
    if hazard <= 0.0 {
        return now;
    }
    let mut military = view.mil.clone();
    military.clash = true;
    let clashed = View {
        mil: &military,
        ..*view
    };
    let after_clash = score(&clashed, actor, &objectives(&clashed, trend));
    (1.0 - hazard) * now + hazard * after_clash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_distribution_is_right_at_known_points() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((normal_cdf(-1.0) - 0.158_655).abs() < 1e-5);
    }

    #[test]
    fn a_trend_carries_at_most_four_turns_of_drift() {
        assert_eq!(carried(0), 0.0);
        assert!((carried(1) - PERSISTENCE).abs() < 1e-12);
        assert!(carried(3) > carried(2));
        assert!(carried(200) < PERSISTENCE / (1.0 - PERSISTENCE) + 1e-9);
    }

    /// The fixture's first threshold objective (Aldova's standing with the League, 60 or more),
    /// its quantity, actor and band.
    fn league_objective(
        scn: &demarche_sim::Scenario,
    ) -> (&Condition, Quantity, Option<ActorId>, f64) {
        let objective = scn
            .objectives
            .iter()
            .find(|o| matches!(o.condition, Condition::AtLeast(..)))
            .expect("the fixture has a threshold objective");
        let Condition::AtLeast(q, _) = &objective.condition else {
            unreachable!("found by its kind")
        };
        let band = objective.margin.unwrap_or(scn.params.objective_margin);
        (&objective.condition, q.clone(), Some(objective.side), band)
    }

    #[test]
    fn a_quantity_falling_in_the_look_ahead_is_expected_lower_at_the_end() {
        let scn = crate::two_rivers();
        let game = demarche_sim::Game::new(scn.clone(), 7);
        let view = game.view();
        let (condition, q, actor, band) = league_objective(&scn);
        let now = view.quantity(&q, actor);
        let still = degree(&view, &Trend::none(), condition, actor, band);
        assert!(still > 0.0 && still < 1.0, "{still}");
        // Marked a turn before the game's first.
        let moving = |from: f64| Trend {
            earlier: vec![(q.clone(), actor, from)],
            since: view.clock.turn - 1,
        };
        let falling = degree(&view, &moving(now + 6.0), condition, actor, band);
        let rising = degree(&view, &moving(now - 6.0), condition, actor, band);
        assert!(
            falling < still && still < rising,
            "{falling} {still} {rising}"
        );
        // Marked on the same state, so measured over no turn: no drift, the same guess as
        // without a trend.
        assert_eq!(
            degree(&view, &Trend::mark(&view), condition, actor, band),
            still
        );
    }

    #[test]
    fn expected_credit_values_margins_while_time_is_left() {
        // No time left: the game's own credit.
        assert_eq!(expected_credit(5.0, 0.0, 10.0), 1.0);
        assert_eq!(expected_credit(-5.0, 0.0, 10.0), 0.5);
        // Time left: a wider margin is worth more, a deficit can still be made up.
        assert!(expected_credit(20.0, 15.0, 10.0) > expected_credit(5.0, 15.0, 10.0));
        assert!(expected_credit(-20.0, 15.0, 10.0) > 0.0);
        assert!(expected_credit(-20.0, 15.0, 10.0) < expected_credit(-5.0, 15.0, 10.0));
        // It agrees with a brute-force average over the spread.
        let (e, s, m) = (3.0, 8.0, 10.0);
        let n = 20_000;
        let mut sum = 0.0;
        for i in 0..n {
            let x = -6.0 + 12.0 * (f64::from(i) + 0.5) / f64::from(n);
            sum += credit(e + s * x, m) * normal_pdf(x) * 12.0 / f64::from(n);
        }
        assert!((expected_credit(e, s, m) - sum).abs() < 1e-3);
    }
}
